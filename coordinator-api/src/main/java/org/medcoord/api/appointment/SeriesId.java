package org.medcoord.api.appointment;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a recurring series of appointments.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record SeriesId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public SeriesId {
        Identifiers.check("seriesId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static SeriesId of(String value) {
        return new SeriesId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
