package org.medcoord.api.appointment;

import org.medcoord.api.common.Identifiers;

/**
 * A caller-chosen key that makes a booking request safe to retry: a retried request with the same key returns the first result, and the same key with a different request is refused.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record IdempotencyKey(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public IdempotencyKey {
        Identifiers.check("idempotencyKey", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
