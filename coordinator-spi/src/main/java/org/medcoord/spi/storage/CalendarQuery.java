package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;

/**
 * What a free-slot search or a booking check reads besides facility data, for
 * {@link StorageTransaction#calendar}: the active claims of some resources over a period, and
 * optionally one patient's appointments over another period.
 *
 * @param resources the resources whose claims to read; may be empty
 * @param from the start of the claims period
 * @param to the end of the claims period, after {@code from}
 * @param now the instant deciding which claims are active
 * @param patient the patient whose appointments to read, or empty for none
 * @param patientFrom the start of the appointments period
 * @param patientTo the end of the appointments period
 * @since 0.1
 */
public record CalendarQuery(List<ResourceId> resources, Instant from, Instant to, Instant now,
                            Optional<PatientId> patient, Instant patientFrom, Instant patientTo) {
    /**
     * Checks and copies the parts.
     *
     * @param resources the resources
     * @param from the claims period start
     * @param to the claims period end
     * @param now the instant deciding which claims are active
     * @param patient the patient, or empty
     * @param patientFrom the appointments period start
     * @param patientTo the appointments period end
     */
    public CalendarQuery {
        resources = List.copyOf(resources);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(patientFrom, "patientFrom");
        Objects.requireNonNull(patientTo, "patientTo");
    }
}
