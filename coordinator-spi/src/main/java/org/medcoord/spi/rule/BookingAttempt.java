package org.medcoord.spi.rule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;

/**
 * What a booking rule judges.
 *
 * @param kind book, hold, confirm, reschedule or series occurrence
 * @param service the service type
 * @param patient the patient
 * @param start the visit start
 * @param end the visit end
 * @param resources the resources per role
 * @param actor who is booking
 * @param purpose why
 * @param existing the appointment being moved, for reschedules
 * @since 0.1
 */
public record BookingAttempt(Kind kind, ServiceType service, PatientId patient, Instant start, Instant end,
                             List<RoleAssignment> resources, Actor actor, Purpose purpose,
                             Optional<AppointmentId> existing) {
    /**
     * The kind of attempt.
     *
     * @since 0.1
     */
    public enum Kind {
        /** A one-step booking. */
        BOOK,
        /** A tentative hold. */
        HOLD,
        /** Confirming a hold. */
        CONFIRM,
        /** Moving an appointment. */
        RESCHEDULE,
        /** One occurrence of a series. */
        SERIES
    }

    /**
     * Checks the parts are present and copies the list.
     *
     * @param kind the kind
     * @param service the service
     * @param patient the patient
     * @param start the start
     * @param end the end
     * @param resources the resources
     * @param actor the actor
     * @param purpose the purpose
     * @param existing the existing appointment
     */
    public BookingAttempt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(existing, "existing");
        resources = List.copyOf(resources);
    }
}
