package org.medcoord.spi.storage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.medcoord.api.appointment.Appointment;

/**
 * One unit of work: the stores reachable inside one transaction. All writes through them commit or
 * roll back together.
 *
 * <p><b>Stores by port.</b> Each feature keeps its data behind a store port of its own (an
 * interface such as {@link AppointmentStore}), and a unit answers a port with
 * {@link #find(Class)}, its only abstract method. A storage keeps the ports it declares in
 * {@link Storage#stores()} and no others, so a storage that keeps only schedules and appointments
 * is a whole storage for a coordinator built with only those features. Features added later bring
 * their own ports and never add a method to this interface; the named accessors below are
 * shorthands for the ports of the first features, each equal to {@code store(ThePort.class)}.
 *
 * <p><b>Implementation requirements.</b> {@code find} answers the same store object for a port
 * throughout the unit, and answers every port in {@link Storage#stores()}. The unit and its stores
 * are used only from the thread running the unit and only while it runs;
 * {@link org.medcoord.spi.storage.support.UnitOfWork} is a base that does this bookkeeping.
 *
 * @since 0.1
 */
public interface StorageTransaction {
    /**
     * The store for a port, if this storage keeps that port.
     *
     * @param port the port interface, for example {@code AppointmentStore.class}
     * @param <S> the port type
     * @return the store, or empty when the storage does not keep this port
     */
    <S> Optional<S> find(Class<S> port);

    /**
     * The store for a port the storage keeps.
     *
     * @param port the port interface
     * @param <S> the port type
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep this port
     */
    default <S> S store(Class<S> port) {
        return find(port).orElseThrow(() -> new UnsupportedStoreException(port, "of this unit"));
    }

    /**
     * Resources, service types, templates, unavailability.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default ScheduleStore schedule() {
        return store(ScheduleStore.class);
    }

    /**
     * Appointments with their histories.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default AppointmentStore appointments() {
        return store(AppointmentStore.class);
    }

    /**
     * Time claimed on resources by appointments and holds.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default ClaimStore claims() {
        return store(ClaimStore.class);
    }

    /**
     * Tentative holds.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default HoldStore holds() {
        return store(HoldStore.class);
    }

    /**
     * Idempotency keys and the results they map to.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default IdempotencyStore idempotency() {
        return store(IdempotencyStore.class);
    }

    /**
     * Wait-list entries.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default WaitlistStore waitlist() {
        return store(WaitlistStore.class);
    }

    /**
     * Domain events waiting for delivery.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default OutboxStore outbox() {
        return store(OutboxStore.class);
    }

    /**
     * The audit trail.
     *
     * @return the store
     * @throws UnsupportedStoreException when the storage does not keep it
     */
    default AuditStore audit() {
        return store(AuditStore.class);
    }

    /**
     * Paperwork: document types, per-service requirements, patients' documents and answers.
     *
     * @return the store
     * @since 0.1
     */
    default DocumentStore documents() {
        return store(DocumentStore.class);
    }

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
     * override this method to refuse writes after a finishing read, which the contract kit checks;
     * {@link org.medcoord.spi.storage.support.UnitOfWork} does so for the adapters built on it.
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
