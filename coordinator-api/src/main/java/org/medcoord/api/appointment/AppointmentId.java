package org.medcoord.api.appointment;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies an appointment.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record AppointmentId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public AppointmentId {
        Identifiers.check("appointmentId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static AppointmentId of(String value) {
        return new AppointmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
