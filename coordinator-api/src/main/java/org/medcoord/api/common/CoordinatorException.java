package org.medcoord.api.common;

/**
 * Root of every exception MedCoord throws. Unchecked.
 *
 * <p>Messages name ids and field paths only; they never contain patient names, birth dates,
 * member numbers or free text supplied by a caller.
 *
 * @since 0.1
 */
public class CoordinatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming ids and fields, never patient data
     */
    public CoordinatorException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming ids and fields, never patient data
     * @param cause the underlying failure
     */
    public CoordinatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
