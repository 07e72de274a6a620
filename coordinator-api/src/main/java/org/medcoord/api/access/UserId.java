package org.medcoord.api.access;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a user of the host system (a coordinator, a clinician, a service account).
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record UserId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public UserId {
        Identifiers.check("userId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
