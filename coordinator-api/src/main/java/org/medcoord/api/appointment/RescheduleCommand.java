package org.medcoord.api.appointment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.schedule.RoleAssignment;

/**
 * Move an appointment. Atomic: the new time is claimed before the old is released, so a failed
 * reschedule leaves the original appointment exactly as it was.
 *
 * @param appointment the appointment
 * @param newStart the new start
 * @param resources the resources per role at the new time; empty to let MedCoord choose
 * @param reasonCode why, as a short code such as {@code patient-request}
 * @param idempotencyKey makes a retry safe
 * @since 0.1
 */
public record RescheduleCommand(@NotNull AppointmentId appointment, @NotNull Instant newStart,
                                @NotNull @Size(max = 8) List<@NotNull @Valid RoleAssignment> resources,
                                @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String reasonCode,
                                @NotNull Optional<IdempotencyKey> idempotencyKey) {
    /**
     * Copies the assignment list when present.
     *
     * @param appointment the appointment
     * @param newStart the new start
     * @param resources the resources
     * @param reasonCode the reason
     * @param idempotencyKey the key
     */
    public RescheduleCommand {
        resources = resources == null ? null : List.copyOf(resources);
    }

    /**
     * Move to a new start, letting MedCoord choose the resources.
     *
     * @param appointment the appointment
     * @param newStart the new start
     * @param reasonCode the reason code
     * @return the command
     */
    public static RescheduleCommand to(AppointmentId appointment, Instant newStart, String reasonCode) {
        return new RescheduleCommand(appointment, newStart, List.of(), reasonCode, Optional.empty());
    }
}
