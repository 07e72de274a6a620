package org.medcoord.adapter.memory;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.TransactionWork;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Storage held in memory for as long as this object lives: thread safe and transactional, with
 * every guarantee of the storage contract kit.
 *
 * <p><b>Units of work.</b> {@link #inTransaction} runs under a write lock, so writing units run
 * one at a time; {@link #read} runs under a read lock, so reading units run together and never see
 * a writing unit half done. Every write records how to undo itself; when the work throws, the
 * writes are undone newest first and the very exception (or error) the work threw is rethrown.
 *
 * <p><b>Nesting.</b> A unit started from inside another unit on the same thread joins it: its
 * writes commit only with the outermost unit, and if it throws, only its own writes are undone
 * (a savepoint) before the exception propagates, so an outer unit that catches the exception
 * carries on without them. {@code read} inside any unit runs as a read-only view of that unit and
 * sees its uncommitted writes; {@code inTransaction} inside {@code read} throws
 * {@link IllegalStateException}, since a read lock cannot be upgraded.
 *
 * <p><b>Finishing reads.</b> After a {@linkplain org.medcoord.spi.storage.CalendarQuery#finishing()
 * finishing} calendar read in an outermost writing unit, the unit's stores refuse writes with
 * {@link IllegalStateException}. The read does not commit anything early: the unit's writes commit
 * when the work returns, or are undone if it throws, as in any unit.
 *
 * <p><b>Confinement.</b> The {@link org.medcoord.spi.storage.StorageTransaction} and the stores it
 * hands out work only on the thread running the unit, and only while it runs; otherwise they throw
 * {@link IllegalStateException}. Work must not wait for another thread that uses the same storage.
 *
 * <p><b>Closing.</b> {@link #close} is idempotent; afterwards new units throw
 * {@link IllegalStateException}. Units already running finish normally.
 *
 * <p>Claims, appointments and unavailability are indexed per resource (appointments also per
 * patient) in trees by start, bucketed by length, so finding what overlaps a period, and checking
 * capacity for a new claim, cost about O(log n + k log k) per resource for k entries near the
 * period, however many are stored.
 *
 * @since 0.1
 */
public final class MemoryStorage implements Storage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Stores stores = Stores.create();
    private final UnitBinding<Unit> units = stores.units();
    private volatile boolean closed;

    /** Creates an empty storage. */
    public MemoryStorage() {
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        Unit outer = units.current();
        if (outer != null) {
            if (outer.readOnly()) {
                throw new IllegalStateException("inTransaction called inside read(): a read-only unit cannot "
                        + "start a writing one; use inTransaction for the outer unit");
            }
            return run(new Unit(stores.ports(), outer.log(), false, true), work);
        }
        checkOpen();
        Lock write = lock.writeLock();
        write.lock();
        try {
            return run(new Unit(stores.ports(), new UndoLog(), false, false), work);
        } finally {
            write.unlock();
        }
    }

    @Override
    public <T> T read(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        Unit outer = units.current();
        if (outer != null) {
            return run(new Unit(stores.ports(), outer.log(), true, true), work);
        }
        checkOpen();
        Lock read = lock.readLock();
        read.lock();
        try {
            return run(new Unit(stores.ports(), new UndoLog(), true, false), work);
        } finally {
            read.unlock();
        }
    }

    /**
     * Every store port of this version of the SPI.
     *
     * @return the ports
     */
    @Override
    public Set<Class<?>> stores() {
        return stores.ports().ports();
    }

    /**
     * Describes this storage.
     *
     * @return {@code memory}
     */
    @Override
    public String describe() {
        return "memory";
    }

    /** Refuses new units from now on; the data stays until the object is collected. */
    @Override
    public void close() {
        closed = true;
    }

    private <T> T run(Unit unit, TransactionWork<T> work) {
        Unit previous = units.current();
        int savepoint = unit.log().savepoint();
        units.set(unit);
        try {
            return work.run(unit);
        } catch (Throwable failure) {
            unit.log().rollbackTo(savepoint, failure);
            throw failure;
        } finally {
            unit.end();
            units.set(previous);
        }
    }

    /** The audit store's tables, for the tamper tests in this package, which change rows behind the store's back. */
    MemoryAuditStore auditRows() {
        return stores.audit();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("memory storage is closed");
        }
    }
}
