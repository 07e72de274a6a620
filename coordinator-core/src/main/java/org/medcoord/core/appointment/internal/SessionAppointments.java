package org.medcoord.core.appointment.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.appointment.RescheduleCommand;
import org.medcoord.api.appointment.Rescheduling;
import org.medcoord.api.appointment.SeriesCommand;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.core.access.internal.CallContext;

/**
 * {@link Appointments} for one caller: every call goes to the shared {@link BookingService}
 * with the caller's context.
 */
public final class SessionAppointments implements Appointments {
    private final BookingService booking;
    private final CallContext ctx;

    /**
     * Creates the facade.
     *
     * @param booking the shared service
     * @param ctx the caller
     */
    public SessionAppointments(BookingService booking, CallContext ctx) {
        this.booking = booking;
        this.ctx = ctx;
    }

    @Override
    public List<SlotOption> findSlots(SlotQuery query) {
        return booking.findSlots(ctx, query);
    }

    @Override
    public Booking book(BookCommand command) {
        return booking.book(ctx, command);
    }

    @Override
    public Hold hold(BookCommand command, Duration holdFor) {
        return booking.hold(ctx, command, holdFor);
    }

    @Override
    public Booking confirm(HoldId hold) {
        return booking.confirm(ctx, hold);
    }

    @Override
    public void release(HoldId hold) {
        booking.release(ctx, hold);
    }

    @Override
    public SeriesResult bookSeries(SeriesCommand command) {
        return booking.bookSeries(ctx, command);
    }

    @Override
    public Cancellation cancel(CancelCommand command) {
        return booking.cancel(ctx, command);
    }

    @Override
    public Rescheduling reschedule(RescheduleCommand command) {
        return booking.reschedule(ctx, command);
    }

    @Override
    public Appointment transition(AppointmentId appointment, AppointmentStatus target, String reasonCode) {
        return booking.transition(ctx, appointment, target, reasonCode);
    }

    @Override
    public Appointment checkIn(AppointmentId appointment, Optional<String> overrideReasonCode) {
        return booking.checkIn(ctx, appointment, overrideReasonCode);
    }

    @Override
    public Appointment reset(AppointmentId appointment, AppointmentStatus target, String reasonCode) {
        return booking.reset(ctx, appointment, target, reasonCode);
    }

    @Override
    public Appointment get(AppointmentId id) {
        return booking.get(ctx, id);
    }

    @Override
    public List<Appointment> forPatient(PatientId patient, Instant from, Instant to) {
        return booking.forPatient(ctx, patient, from, to);
    }

    @Override
    public List<Appointment> forResource(ResourceId resource, Instant from, Instant to) {
        return booking.forResource(ctx, resource, from, to);
    }
}
