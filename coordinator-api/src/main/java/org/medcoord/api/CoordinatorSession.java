package org.medcoord.api;

import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.api.audit.AuditTrail;
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
     * The audit trail: verification and compliance queries, for privacy officers.
     *
     * @return the service
     */
    AuditTrail audit();
}
