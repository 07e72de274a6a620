package org.medcoord.api.access;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a facility (a hospital, a clinic, a campus) that users and resources belong to.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record FacilityId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public FacilityId {
        Identifiers.check("facilityId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static FacilityId of(String value) {
        return new FacilityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
