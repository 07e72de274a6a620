package org.medcoord.api.appointment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * An appointment: a patient, a service, a time, the resources it holds, its status and its
 * whole status history.
 *
 * @param id the id
 * @param patient the patient
 * @param service the service type
 * @param start the visit start
 * @param end the visit end
 * @param resources one resource per role of the service
 * @param status the current status
 * @param series the recurring series it belongs to, if any
 * @param overbooked whether it was booked over capacity by an audited override
 * @param history every status change, oldest first
 * @param version increases with every change; used for optimistic concurrency by adapters
 * @param facility the facility that owns the appointment (the booking user's facility); users of
 *     other facilities see it only when the access policy says so
 * @param reason the clinical reason for the visit, if recorded; left out of what a caller without
 *     clinical read access receives
 * @since 0.1
 */
public record Appointment(AppointmentId id, PatientId patient, ServiceTypeId service, Instant start, Instant end,
                          List<RoleAssignment> resources, AppointmentStatus status, Optional<SeriesId> series,
                          boolean overbooked, List<StatusChange> history, long version, FacilityId facility,
                          Optional<VisitReason> reason) {
    /**
     * Checks the parts are present and copies the lists.
     *
     * @param id the id
     * @param patient the patient
     * @param service the service
     * @param start the start
     * @param end the end
     * @param resources the resources
     * @param status the status
     * @param series the series
     * @param overbooked whether overbooked
     * @param history the history
     * @param version the version
     * @param facility the owning facility
     * @param reason the clinical reason
     */
    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(reason, "reason");
        resources = List.copyOf(resources);
        history = List.copyOf(history);
    }

    /**
     * Whether the appointment uses a resource.
     *
     * @param resource the resource
     * @return {@code true} when assigned to one of its roles
     */
    public boolean uses(ResourceId resource) {
        return resources.stream().anyMatch(a -> a.resource().equals(resource));
    }

    /**
     * This appointment as a caller without clinical read access sees it: the same, without the
     * reason for the visit.
     *
     * @return the scheduling view
     */
    public Appointment withoutClinicalDetails() {
        return reason.isEmpty() ? this : new Appointment(id, patient, service, start, end, resources, status, series,
                overbooked, history, version, facility, Optional.empty());
    }
}
