package org.medcoord.spi.storage.support;

import java.util.Objects;
import java.util.Optional;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.UnsupportedStoreException;

/**
 * A base for an adapter's unit of work: hands out the storage's stores by port, confined to the
 * thread that started the unit and refused once the unit has ended.
 *
 * <p>An adapter creates one per unit (and one per nested unit), binds it with a
 * {@link UnitBinding} while the work runs, and calls {@link #end()} when the work is over. Its
 * stores ask the binding for the current unit before every read and write, so a store reached
 * outside a unit, after it, or from another thread is refused with {@link IllegalStateException}.
 *
 * <p>The base keeps the {@linkplain org.medcoord.spi.storage.CalendarQuery#finishing() finishing}
 * rule of {@link #calendar}: a finishing query in an outermost writing unit first calls
 * {@link #closeWrites()}, so that the unit's writes stay closed even when the read fails, and from
 * then on the adapter reports through {@link #writesClosed()} (for this unit and the units nested
 * in it) that the unit takes no more writes; {@link UnitBinding#writing()} then refuses them. The
 * reads themselves are {@link #readCalendar}, which an adapter overrides to answer in one
 * statement or round trip.
 *
 * @since 0.1
 */
public abstract class UnitOfWork implements StorageTransaction {
    private final StorePorts stores;
    private final String storage;
    private final boolean readOnly;
    private final boolean nested;
    private final Thread thread = Thread.currentThread();
    private volatile boolean ended;

    /**
     * Starts a unit on the current thread.
     *
     * @param stores the storage's stores
     * @param storage the storage's description, for error messages
     * @param readOnly whether the unit may not write
     * @param nested whether the unit runs inside another unit on the same thread
     */
    protected UnitOfWork(StorePorts stores, String storage, boolean readOnly, boolean nested) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.readOnly = readOnly;
        this.nested = nested;
    }

    /**
     * Whether the unit may not write.
     *
     * @return true for a unit started by {@code read}
     */
    public final boolean readOnly() {
        return readOnly;
    }

    /**
     * Whether the unit runs inside another on the same thread.
     *
     * @return true for a nested unit
     */
    public final boolean nested() {
        return nested;
    }

    /**
     * Whether the unit takes no more writes, because a finishing calendar read closed them.
     *
     * @return true once writes are refused
     */
    protected abstract boolean writesClosed();

    /**
     * Closes the unit's writes after a finishing calendar read: called once, on the outermost
     * writing unit, before the read is made. From then on {@link #writesClosed()} must answer true
     * for this unit and every unit nested in it.
     */
    protected abstract void closeWrites();

    /**
     * The calendar read, under the finishing rule: see the class description.
     *
     * @param query what to read
     * @return what was read
     */
    @Override
    public final CalendarRead calendar(CalendarQuery query) {
        check();
        Objects.requireNonNull(query, "query");
        boolean finishing = query.finishing() && !readOnly && !nested;
        if (finishing) {
            closeWrites();
        }
        return readCalendar(query, finishing);
    }

    /**
     * Makes the reads of a calendar query. The default makes the three reads
     * {@link StorageTransaction#calendar} stands for, through this unit's stores.
     *
     * @param query what to read
     * @param finishing whether the query closed this unit's writes, so that an adapter may commit
     *     the unit's earlier writes together with the read
     * @return what was read
     */
    protected CalendarRead readCalendar(CalendarQuery query, boolean finishing) {
        return StorageTransaction.super.calendar(query);
    }

    /** Ends the unit: from now on it and its stores are refused. */
    public final void end() {
        ended = true;
    }

    @Override
    public final <S> Optional<S> find(Class<S> port) {
        check();
        return Optional.ofNullable(stores.get(port));
    }

    @Override
    public final <S> S store(Class<S> port) {
        check();
        S store = stores.get(port);
        if (store == null) {
            throw new UnsupportedStoreException(port, storage);
        }
        return store;
    }

    /**
     * Refuses use after the unit ended or from another thread.
     *
     * @throws IllegalStateException when the unit may not be used here and now
     */
    protected final void check() {
        if (ended) {
            throw new IllegalStateException("transaction used after its unit of work ended");
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("transaction used from a thread other than the one running its unit");
        }
    }
}
