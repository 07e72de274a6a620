package org.medcoord.spi.storage;

import java.util.List;
import java.util.OptionalLong;
import org.medcoord.api.appointment.Appointment;

/**
 * The stores reachable inside one transaction. All writes through them commit or roll back
 * together.
 *
 * @since 0.1
 */
public interface StorageTransaction {
    /**
     * Resources, service types, templates, unavailability.
     *
     * @return the store
     */
    ScheduleStore schedule();

    /**
     * Appointments with their histories.
     *
     * @return the store
     */
    AppointmentStore appointments();

    /**
     * Time claimed on resources by appointments and holds.
     *
     * @return the store
     */
    ClaimStore claims();

    /**
     * Tentative holds.
     *
     * @return the store
     */
    HoldStore holds();

    /**
     * Idempotency keys and the results they map to.
     *
     * @return the store
     */
    IdempotencyStore idempotency();

    /**
     * Wait-list entries.
     *
     * @return the store
     */
    WaitlistStore waitlist();

    /**
     * Domain events waiting for delivery.
     *
     * @return the store
     */
    OutboxStore outbox();

    /**
     * The audit trail.
     *
     * @return the store
     */
    AuditStore audit();

    /**
     * Paperwork: document types, per-service requirements, patients' documents and answers.
     *
     * @return the store
     * @since 0.1
     */
    DocumentStore documents();

    /**
     * Reads what a free-slot search or a booking check needs besides facility data, across
     * stores: the schedule version, the active claims of some resources, and a patient's
     * appointments. One method so that an adapter can answer with one statement or one database
     * round trip instead of three.
     *
     * <p><b>Implementation requirements.</b> The result equals what these reads, made in this
     * order in the same unit, would return: {@code schedule().version()}; {@code claims().active}
     * for the query's resources, period and {@code now} (none when it names no resources); and
     * {@code appointments().forPatient} for the query's patient and patient period (none when it
     * names no patient). It sees the unit's own writes, as those reads do. It writes nothing of its
     * own.
     *
     * <p>A {@linkplain CalendarQuery#finishing() finishing} query in an outermost writing unit:
     * from the call on, every write through the unit's stores (and through nested units') throws
     * {@link IllegalStateException} before it has any effect, and this holds from the call even
     * when the read itself fails. The adapter may commit the unit's earlier writes together with
     * the read, all or none, and must say in its documentation whether it does; if it does not,
     * they commit or roll back with the unit as usual. A failure of the read that leaves the fate
     * of the commit unknown (a lost connection) says so in its message. In a read-only or nested
     * unit the hint changes nothing.
     *
     * <p>The default makes exactly the three reads and ignores the hint, so an adapter must
     * override this method to refuse writes after a finishing read, which the contract kit checks.
     *
     * @param query what to read
     * @return what was read
     * @since 0.1
     */
    default CalendarRead calendar(CalendarQuery query) {
        OptionalLong version = schedule().version();
        List<Claim> claims = query.resources().isEmpty() ? List.of()
                : claims().active(query.resources(), query.from(), query.to(), query.now());
        List<Appointment> appointments = query.patient().isEmpty() ? List.of()
                : appointments().forPatient(query.patient().get(), query.patientFrom(), query.patientTo());
        return new CalendarRead(version, claims, appointments);
    }
}
