package org.medcoord.api.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.schedule.SlotOption;

/**
 * A patient waiting for a slot.
 *
 * @param id the id
 * @param request what they asked for
 * @param status waiting, offered, booked or closed
 * @param createdAt when they joined; earlier entries of equal priority are offered first
 * @param offer the slot currently offered, if any
 * @param appointment the appointment they took, if any
 * @since 0.1
 */
public record WaitlistEntry(WaitlistEntryId id, WaitlistRequest request, WaitlistStatus status, Instant createdAt,
                            Optional<SlotOption> offer, Optional<AppointmentId> appointment) {
    /**
     * Checks the parts are present.
     *
     * @param id the id
     * @param request the request
     * @param status the status
     * @param createdAt the creation time
     * @param offer the offer
     * @param appointment the appointment
     */
    public WaitlistEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(appointment, "appointment");
    }
}
