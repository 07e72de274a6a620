package org.medcoord.api.common;

/**
 * An adapter (storage, gateway, channel) failed. The message names the adapter and the
 * operation; the cause is kept for operators but its text is never shown to end users.
 *
 * @since 0.1
 */
public class AdapterException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the adapter and the operation, never patient data
     * @param cause the underlying failure, may be {@code null}
     */
    public AdapterException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message names the adapter and the operation, never patient data
     */
    public AdapterException(String message) {
        super(message);
    }
}
