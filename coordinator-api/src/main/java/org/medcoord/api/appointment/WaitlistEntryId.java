package org.medcoord.api.appointment;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a wait-list entry.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record WaitlistEntryId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public WaitlistEntryId {
        Identifiers.check("waitlistEntryId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static WaitlistEntryId of(String value) {
        return new WaitlistEntryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
