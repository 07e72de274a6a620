package org.medcoord.api.appointment;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a tentative hold on the resources of a visit.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record HoldId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public HoldId {
        Identifiers.check("holdId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static HoldId of(String value) {
        return new HoldId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
