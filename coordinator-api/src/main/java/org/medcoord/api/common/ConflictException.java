package org.medcoord.api.common;

/**
 * The request was valid but conflicts with the current state: a slot was taken, a status
 * cannot move that way, a hold expired, an idempotency key was reused for another request.
 * Subclasses carry the details, including alternatives where there are some.
 *
 * @since 0.1
 */
public class ConflictException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * Creates the exception.
     *
     * @param code a stable machine-readable code, for example {@code slot-unavailable}
     * @param message a message naming ids only
     */
    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * A stable machine-readable code for the conflict.
     *
     * @return the code
     */
    public String code() {
        return code;
    }
}
