package org.medcoord.core.appointment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.Rescheduling;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.core.access.internal.Projection;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.access.internal.Viewer;

/**
 * What callers may see of the appointment feature's results. An appointment of another facility
 * refuses a call that returns it on its own and is left out of a list; its reason for the visit
 * is removed without clinical read access. Not API.
 */
public final class AppointmentProjections {
    private AppointmentProjections() {
    }

    /**
     * Declares the appointment and wait-list result types.
     *
     * @param projections the builder
     */
    public static void declare(Projections.Builder projections) {
        projections.add(Appointment.class, new Projection<>() {
            @Override
            public Appointment one(Viewer viewer, Appointment value) {
                return viewer.appointment(value);
            }

            @Override
            public Optional<Appointment> inList(Viewer viewer, Appointment value) {
                return viewer.sees(value) ? Optional.of(viewer.appointment(value)) : Optional.empty();
            }
        });
        projections.add(Booking.class, (viewer, b) -> new Booking(viewer.appointment(b.appointment()), b.warnings()));
        projections.add(Cancellation.class, (viewer, c) -> new Cancellation(viewer.appointment(c.appointment()),
                c.offers()));
        projections.add(Rescheduling.class, (viewer, r) -> new Rescheduling(new Booking(
                viewer.appointment(r.booking().appointment()), r.booking().warnings()), r.offers()));
        projections.add(SeriesResult.class, (viewer, s) -> {
            List<Appointment> booked = new ArrayList<>(s.booked().size());
            for (Appointment a : s.booked()) {
                booked.add(viewer.appointment(a));
            }
            return new SeriesResult(s.series(), booked, s.conflicts());
        });
        // A hold is the caller's own, made by the call that returns it: a patient id and a slot,
        // no clinical data. A wait-list entry holds a patient id, a service and a window, no
        // clinical data; the wait-list permission is the whole of its rule.
        projections.asIs(Hold.class, WaitlistEntry.class);
    }
}
