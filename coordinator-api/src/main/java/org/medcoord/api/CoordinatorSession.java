package org.medcoord.api;

import java.time.Instant;
import java.util.Optional;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.api.audit.AuditTrail;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.schedule.ScheduleAdministration;

/**
 * The services, as seen by one actor acting for one purpose.
 *
 * @since 0.1
 */
public interface CoordinatorSession {
    /**
     * Who is calling.
     *
     * @return the actor
     */
    Actor actor();

    /**
     * Why.
     *
     * @return the purpose of use
     */
    Purpose purpose();

    /**
     * For a break-the-glass session, when its emergency access ends; calls after that are denied.
     *
     * @return the end of the break-glass period, or empty for an ordinary session
     */
    Optional<Instant> breakGlassUntil();

    /**
     * Appointment search, booking and lifecycle.
     *
     * @return the service
     */
    Appointments appointments();

    /**
     * The wait list.
     *
     * @return the service
     */
    WaitList waitList();

    /**
     * Resources, service types, templates and unavailability.
     *
     * @return the service
     */
    ScheduleAdministration schedule();

    /**
     * Consents and intake paperwork: document requirements per service, each patient's
     * documents, and the worklist of appointments with paperwork outstanding.
     *
     * @return the service
     * @since 0.1
     */
    Paperwork documents();

    /**
     * The audit trail: verification and compliance queries, for privacy officers.
     *
     * @return the service
     */
    AuditTrail audit();
}
