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
 * <p>Each feature's facade is reached by its type with {@link #facade(Class)}; the named accessors
 * are shorthands for the first features. A facade of a feature the coordinator was not built with
 * throws {@link org.medcoord.api.common.FeatureUnavailableException} when asked for.
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
     * A feature's facade, by its type, for example {@code facade(Appointments.class)}: the same
     * object the named accessor returns, seen by this session's actor and purpose.
     *
     * @param type the facade interface of a feature
     * @param <F> the facade type
     * @return the facade
     * @throws org.medcoord.api.common.FeatureUnavailableException when the feature is not enabled
     * @throws org.medcoord.api.common.InvalidRequestException when {@code type} is no feature's facade
     */
    <F> F facade(Class<F> type);

    /**
     * Appointment search, booking and lifecycle.
     *
     * @return the service
     * @throws org.medcoord.api.common.FeatureUnavailableException when the feature is not enabled
     */
    Appointments appointments();

    /**
     * The wait list.
     *
     * @return the service
     * @throws org.medcoord.api.common.FeatureUnavailableException when the feature is not enabled
     */
    WaitList waitList();

    /**
     * Resources, service types, templates and unavailability.
     *
     * @return the service
     * @throws org.medcoord.api.common.FeatureUnavailableException when the feature is not enabled
     */
    ScheduleAdministration schedule();

    /**
     * Consents and intake paperwork: document requirements per service, each patient's
     * documents, and the worklist of appointments with paperwork outstanding.
     *
     * @return the service
     * @throws org.medcoord.api.common.FeatureUnavailableException when the feature is not enabled
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
