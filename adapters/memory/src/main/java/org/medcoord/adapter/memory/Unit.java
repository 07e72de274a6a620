package org.medcoord.adapter.memory;

import java.util.Objects;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.WaitlistStore;

/**
 * One unit of work: the transaction handed to the work. Confined to the thread that runs it and
 * refused once the unit has ended. A nested unit shares its outer unit's undo log.
 */
final class Unit implements StorageTransaction {
    private final Stores stores;
    private final UndoLog log;
    private final boolean readOnly;
    private final boolean nested;
    private final Thread thread = Thread.currentThread();
    private volatile boolean ended;

    Unit(Stores stores, UndoLog log, boolean readOnly, boolean nested) {
        this.stores = stores;
        this.log = log;
        this.readOnly = readOnly;
        this.nested = nested;
    }

    boolean readOnly() {
        return readOnly;
    }

    UndoLog log() {
        return log;
    }

    /** Records how to take back a write just made. */
    void onRollback(Runnable undo) {
        log.add(undo);
    }

    void end() {
        ended = true;
    }

    @Override
    public ScheduleStore schedule() {
        check();
        return stores.schedule();
    }

    @Override
    public AppointmentStore appointments() {
        check();
        return stores.appointments();
    }

    @Override
    public ClaimStore claims() {
        check();
        return stores.claims();
    }

    @Override
    public HoldStore holds() {
        check();
        return stores.holds();
    }

    @Override
    public IdempotencyStore idempotency() {
        check();
        return stores.idempotency();
    }

    @Override
    public WaitlistStore waitlist() {
        check();
        return stores.waitlist();
    }

    @Override
    public OutboxStore outbox() {
        check();
        return stores.outbox();
    }

    @Override
    public AuditStore audit() {
        check();
        return stores.audit();
    }

    @Override
    public DocumentStore documents() {
        check();
        return stores.documents();
    }

    /**
     * The three reads, as the default does. A finishing query in an outermost writing unit makes
     * the stores refuse later writes; the unit's writes still commit or roll back with the unit,
     * since committing early would save nothing in memory.
     */
    @Override
    public CalendarRead calendar(CalendarQuery query) {
        check();
        Objects.requireNonNull(query, "query");
        if (query.finishing() && !readOnly && !nested) {
            log.finish();
        }
        return StorageTransaction.super.calendar(query);
    }

    private void check() {
        if (ended) {
            throw new IllegalStateException("transaction used after its unit of work ended");
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("transaction used from a thread other than the one running its unit");
        }
    }
}
