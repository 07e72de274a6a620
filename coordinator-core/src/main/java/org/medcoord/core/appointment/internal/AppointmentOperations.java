package org.medcoord.core.appointment.internal;

import java.util.List;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;

/** The operations of the appointment feature. */
public final class AppointmentOperations {
    /** Finding free slots for a patient. */
    public static final Operation SEARCH = Operation.of("appointment.search", Permission.READ_APPOINTMENTS);
    /** Booking. */
    public static final Operation BOOK = Operation.of("appointment.book", Permission.WRITE_APPOINTMENTS);
    /** Booking with a capacity or rule override. */
    public static final Operation BOOK_WITH_OVERRIDE = Operation.of("appointment.book", Permission.PRIVILEGED);
    /** Booking a series. */
    public static final Operation BOOK_SERIES = Operation.of("appointment.book-series", Permission.WRITE_APPOINTMENTS);
    /** Booking a series with an override. */
    public static final Operation BOOK_SERIES_WITH_OVERRIDE = Operation.of("appointment.book-series",
            Permission.PRIVILEGED);
    /** Placing a hold. */
    public static final Operation HOLD = Operation.of("appointment.hold", Permission.WRITE_APPOINTMENTS);
    /** Confirming a hold. */
    public static final Operation CONFIRM = Operation.of("appointment.confirm", Permission.WRITE_APPOINTMENTS);
    /** Releasing a hold. */
    public static final Operation RELEASE_HOLD = Operation.of("appointment.release-hold",
            Permission.WRITE_APPOINTMENTS);
    /** Cancelling. */
    public static final Operation CANCEL = Operation.of("appointment.cancel", Permission.WRITE_APPOINTMENTS);
    /** Rescheduling. */
    public static final Operation RESCHEDULE = Operation.of("appointment.reschedule", Permission.WRITE_APPOINTMENTS);
    /** A status change, recorded refined by the target status: {@code appointment.status.checked-in}. */
    public static final Operation STATUS = Operation.of("appointment.status", Permission.WRITE_APPOINTMENTS);
    /** A privileged reset to a status, refined by the target status. */
    public static final Operation RESET = Operation.of("appointment.reset", Permission.PRIVILEGED);
    /** A check-in that overrides outstanding paperwork. */
    public static final Operation CHECK_IN_OVERRIDE = Operation.of("appointment.check-in.override",
            Permission.PRIVILEGED);
    /** Reading one appointment. */
    public static final Operation READ = Operation.of("appointment.read", Permission.READ_APPOINTMENTS);
    /** Listing a patient's appointments. */
    public static final Operation LIST_PATIENT = Operation.of("appointment.list-patient", Permission.READ_APPOINTMENTS);
    /** Listing a resource's appointments. */
    public static final Operation LIST_RESOURCE = Operation.of("appointment.list-resource",
            Permission.READ_APPOINTMENTS);

    /** Every operation, for the slice. */
    static final List<Operation> ALL = List.of(SEARCH, BOOK, BOOK_WITH_OVERRIDE, BOOK_SERIES, BOOK_SERIES_WITH_OVERRIDE,
            HOLD, CONFIRM, RELEASE_HOLD, CANCEL, RESCHEDULE, STATUS, RESET, CHECK_IN_OVERRIDE, READ, LIST_PATIENT,
            LIST_RESOURCE);

    private AppointmentOperations() {
    }
}
