package org.medcoord.api.common;

/**
 * The actor may not do this for this purpose. The attempt was audited.
 *
 * @since 0.1
 */
public class AccessDeniedException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the user id, the action and the missing permission
     */
    public AccessDeniedException(String message) {
        super(message);
    }
}
