package org.medcoord.api.appointment;

import java.util.List;
import java.util.Objects;

/**
 * The result of a booking: the appointment and any warnings the booking rules raised (a rule
 * that warns lets the booking through; a rule that rejects throws
 * {@link BookingRefusedException}).
 *
 * @param appointment the booked appointment
 * @param warnings the warnings, empty when none
 * @since 0.1
 */
public record Booking(Appointment appointment, List<RuleFinding> warnings) {
    /**
     * Copies the warnings.
     *
     * @param appointment the appointment
     * @param warnings the warnings
     */
    public Booking {
        Objects.requireNonNull(appointment, "appointment");
        warnings = List.copyOf(warnings);
    }
}
