package org.medcoord.api.appointment;

import jakarta.validation.constraints.NotNull;

/**
 * Cancel an appointment. Its resources are released at once and the wait list is offered the
 * freed time.
 *
 * @param appointment the appointment
 * @param reason the reason code
 * @since 0.1
 */
public record CancelCommand(@NotNull AppointmentId appointment, @NotNull CancellationReason reason) {
}
