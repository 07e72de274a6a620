package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;

/**
 * Appointments, each with its whole status history.
 *
 * <p><b>Implementation requirements.</b> {@link #update} is optimistic: it succeeds only when the
 * stored version is exactly one less than the new one, and otherwise throws
 * {@link org.medcoord.api.common.ConflictException} with code {@code concurrent-update}.
 * Lists are ordered by start, then id. An adapter may hold an {@link #insert} back until the
 * unit's next read or its commit, so that it costs no database round trip of its own; every read
 * in the unit still sees it, and a taken id then ends the unit with the same
 * {@code appointment-exists} conflict, thrown by that read or by the unit itself. Callers
 * therefore treat that conflict as ending the unit, not as something to catch and carry on from.
 *
 * @since 0.1
 */
public interface AppointmentStore {
    /**
     * Inserts a new appointment.
     *
     * @param appointment the appointment, version 1
     * @throws org.medcoord.api.common.ConflictException with code {@code appointment-exists} when
     *     the id exists (or later in the unit, see above)
     */
    void insert(Appointment appointment);

    /**
     * Replaces an appointment with its next version.
     *
     * @param appointment the new version
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    void update(Appointment appointment);

    /**
     * Looks up an appointment.
     *
     * @param id the id
     * @return the appointment, or empty
     */
    Optional<Appointment> find(AppointmentId id);

    /**
     * A patient's appointments starting before {@code to} and ending after {@code from}.
     *
     * @param patient the patient
     * @param from the period start
     * @param to the period end
     * @return the appointments, any status
     */
    List<Appointment> forPatient(PatientId patient, Instant from, Instant to);

    /**
     * Appointments using a resource, starting before {@code to} and ending after {@code from}.
     *
     * @param resource the resource
     * @param from the period start
     * @param to the period end
     * @return the appointments, any status
     */
    List<Appointment> forResource(ResourceId resource, Instant from, Instant to);

    /**
     * Appointments using any of the given resources, starting before {@code to} and ending after
     * {@code from}: each once, however many of the resources it uses, ordered by start, then id.
     * Lists such as the paperwork worklist read every resource of a facility this way.
     *
     * <p>The default asks {@link #forResource} once per resource. An adapter whose reads cost a
     * round trip should answer in one read.
     *
     * @param resources the resources; empty gives an empty list
     * @param from the period start
     * @param to the period end
     * @return the appointments, any status
     */
    default List<Appointment> forResources(Collection<ResourceId> resources, Instant from, Instant to) {
        Map<AppointmentId, Appointment> found = new LinkedHashMap<>();
        for (ResourceId resource : resources) {
            for (Appointment a : forResource(resource, from, to)) {
                found.putIfAbsent(a.id(), a);
            }
        }
        return found.values().stream()
                .sorted(Comparator.comparing(Appointment::start).thenComparing(a -> a.id().value())).toList();
    }
}
