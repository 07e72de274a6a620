package org.medcoord.api.appointment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * Ask to be offered an earlier or any slot for a service within a window.
 *
 * @param patient the patient
 * @param service the service type
 * @param windowStart the earliest acceptable start
 * @param windowEnd the latest acceptable start, exclusive
 * @param priority 0 (routine) to 9 (most urgent); higher priorities are offered first
 * @param preferences filters and preferences, as in slot search
 * @since 0.1
 */
public record WaitlistRequest(@NotNull PatientId patient, @NotNull ServiceTypeId service, @NotNull Instant windowStart,
                              @NotNull Instant windowEnd, @Min(0) @Max(9) int priority,
                              @NotNull @Valid Preferences preferences) {
}
