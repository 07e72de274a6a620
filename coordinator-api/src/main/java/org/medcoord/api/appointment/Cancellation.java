package org.medcoord.api.appointment;

import java.util.List;
import java.util.Objects;

/**
 * The result of a cancellation: the cancelled appointment and the wait-list offers made for the
 * freed time, best match first.
 *
 * @param appointment the cancelled appointment
 * @param offers wait-list offers, in order
 * @since 0.1
 */
public record Cancellation(Appointment appointment, List<WaitlistOffer> offers) {
    /**
     * Copies the offers.
     *
     * @param appointment the appointment
     * @param offers the offers
     */
    public Cancellation {
        Objects.requireNonNull(appointment, "appointment");
        offers = List.copyOf(offers);
    }
}
