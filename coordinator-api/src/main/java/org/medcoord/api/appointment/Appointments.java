package org.medcoord.api.appointment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.Feature;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;

/**
 * Search, book, move and cancel appointments. Reached through
 * {@code CoordinatorSession.appointments()}; every call runs as the session's actor for the
 * session's purpose.
 *
 * <p>All resources of a visit are claimed together or not at all, inside one transaction of the
 * storage adapter; a capacity-1 resource is never given to two overlapping visits.
 *
 * @since 0.1
 */
public interface Appointments {
    /** Booking, holds, series, rescheduling, cancelling and status changes. Needs {@link org.medcoord.api.schedule.ScheduleAdministration#FEATURE schedule}. */
    Feature FEATURE = new Feature("appointments");

    /**
     * Finds bookable options, earliest first.
     *
     * @param query what to look for
     * @return up to {@code query.limit()} options, ranked
     * @throws org.medcoord.api.common.InvalidRequestException for a bad query or unknown service
     */
    List<SlotOption> findSlots(SlotQuery query);

    /**
     * Books a visit in one step.
     *
     * @param command what to book
     * @return the appointment and any rule warnings
     * @throws SlotUnavailableException when the time is taken, with alternatives
     * @throws BookingRefusedException when a rule refuses
     * @throws IdempotencyKeyReusedException when the key was used for another request
     */
    Booking book(BookCommand command);

    /**
     * Holds the resources of a visit for a while without booking it.
     *
     * @param command what to hold
     * @param holdFor how long the hold lasts, 1 second to 1 day
     * @return the hold
     * @throws SlotUnavailableException when the time is taken, with alternatives
     */
    Hold hold(BookCommand command, Duration holdFor);

    /**
     * Turns a hold into a booked appointment.
     *
     * @param hold the hold
     * @return the appointment and any rule warnings
     * @throws HoldExpiredException when the hold lapsed or was released
     */
    Booking confirm(HoldId hold);

    /**
     * Releases a hold. Releasing an expired or unknown hold does nothing.
     *
     * @param hold the hold
     */
    void release(HoldId hold);

    /**
     * Books a recurring series.
     *
     * @param command the series
     * @return what was booked and which occurrences conflicted, with alternatives
     */
    SeriesResult bookSeries(SeriesCommand command);

    /**
     * Cancels an appointment, releases its resources and offers the time to the wait list.
     *
     * @param command the cancellation
     * @return the cancelled appointment and the offers made
     * @throws InvalidTransitionException when it is already final
     */
    Cancellation cancel(CancelCommand command);

    /**
     * Moves an appointment atomically.
     *
     * @param command the move
     * @return the moved appointment and the offers made for the freed time
     * @throws SlotUnavailableException when the new time is taken, with alternatives; the
     *     original appointment is unchanged
     */
    Rescheduling reschedule(RescheduleCommand command);

    /**
     * Moves an appointment forward in its lifecycle (arrived, checked-in, fulfilled, noshow...).
     *
     * @param appointment the appointment
     * @param target the new status
     * @param reasonCode why, a short code
     * @return the updated appointment
     * @throws InvalidTransitionException when the move is not forward
     * @throws org.medcoord.api.document.PaperworkMissingException when moving to checked-in while
     *     required paperwork is not in order; see {@link #checkIn(AppointmentId, Optional)}
     */
    Appointment transition(AppointmentId appointment, AppointmentStatus target, String reasonCode);

    /**
     * Checks a patient in: moves the appointment to checked-in. Refused while a document its
     * service requires is missing, pending, expired or revoked at this moment, unless an
     * override reason is given; an override needs the supervisor role, is marked privileged in
     * the history and audited as {@code appointment.check-in.override}, naming the document types
     * it overrode.
     *
     * @param appointment the appointment
     * @param overrideReasonCode empty for an ordinary check-in; a short code to check in despite
     *     missing paperwork
     * @return the updated appointment
     * @throws org.medcoord.api.document.PaperworkMissingException listing the document types
     *     that do not count, when there is no override
     * @throws InvalidTransitionException when it cannot move to checked-in
     * @throws org.medcoord.api.common.AccessDeniedException for an override without the
     *     supervisor role
     * @since 0.1
     */
    Appointment checkIn(AppointmentId appointment, Optional<String> overrideReasonCode);

    /**
     * Privileged reset to any status, for correcting mistakes. Needs the supervisor role; it is
     * recorded as privileged in the history and audited.
     *
     * @param appointment the appointment
     * @param target the status to set
     * @param reasonCode why, a short code
     * @return the updated appointment
     * @throws org.medcoord.api.common.AccessDeniedException without the supervisor role
     * @throws SlotUnavailableException when resetting to a status that claims resources and they are taken
     */
    Appointment reset(AppointmentId appointment, AppointmentStatus target, String reasonCode);

    /**
     * Reads an appointment.
     *
     * @param id the id
     * @return the appointment
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    Appointment get(AppointmentId id);

    /**
     * A patient's appointments starting in a period, by start time.
     *
     * @param patient the patient
     * @param from the period start
     * @param to the period end, exclusive
     * @return the appointments
     */
    List<Appointment> forPatient(PatientId patient, Instant from, Instant to);

    /**
     * A resource's appointments starting in a period, by start time: the day sheet.
     *
     * @param resource the resource
     * @param from the period start
     * @param to the period end, exclusive
     * @return the appointments, cancelled ones included
     */
    List<Appointment> forResource(ResourceId resource, Instant from, Instant to);
}
