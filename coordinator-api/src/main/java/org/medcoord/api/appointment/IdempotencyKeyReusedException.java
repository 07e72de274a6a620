package org.medcoord.api.appointment;

import org.medcoord.api.common.ConflictException;

/**
 * An idempotency key was sent again with a different request. The first request's result
 * stands; nothing was done for this one.
 *
 * @since 0.1
 */
public class IdempotencyKeyReusedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param key the key
     */
    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("idempotency-key-reused", "idempotency key " + key + " was already used for a different request");
    }
}
