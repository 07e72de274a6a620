package org.medcoord.api.appointment;

import java.util.List;
import java.util.Objects;

/**
 * The result of a reschedule: the moved appointment with any rule warnings, and the wait-list
 * offers made for the time it gave up.
 *
 * @param booking the appointment at its new time
 * @param offers wait-list offers for the freed time, in order
 * @since 0.1
 */
public record Rescheduling(Booking booking, List<WaitlistOffer> offers) {
    /**
     * Copies the offers.
     *
     * @param booking the booking
     * @param offers the offers
     */
    public Rescheduling {
        Objects.requireNonNull(booking, "booking");
        offers = List.copyOf(offers);
    }
}
