package org.medcoord.api.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.access.UserId;

/**
 * One entry of an appointment's history: who moved it from which status to which, when and
 * why. Creation has no {@code from}; a reschedule keeps the status and says so in the reason.
 *
 * @param from the previous status, empty at creation
 * @param to the new status
 * @param at when
 * @param by who
 * @param reasonCode a short code, never free text about the patient
 * @param privileged whether this was a privileged reset or override
 * @since 0.1
 */
public record StatusChange(Optional<AppointmentStatus> from, AppointmentStatus to, Instant at, UserId by,
                           String reasonCode, boolean privileged) {
    /**
     * Checks the parts are present.
     *
     * @param from the previous status
     * @param to the new status
     * @param at when
     * @param by who
     * @param reasonCode why
     * @param privileged whether privileged
     */
    public StatusChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
