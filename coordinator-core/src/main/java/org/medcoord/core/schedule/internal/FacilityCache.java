package org.medcoord.core.schedule.internal;

import java.util.OptionalLong;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.TransactionWork;

/**
 * Facility data shared by the units of one coordinator, keyed by the store's schedule version, so
 * that a unit reads facility data again only when it changed (here or on another node sharing the
 * database).
 *
 * <p>A unit gets its facility data in one of two ways. {@link #of} reads the version first and
 * answers with the cached snapshot when the version matches. {@link #beginSpeculative} answers
 * with the cached snapshot without reading anything; the {@link SlotFinder} then checks its
 * version against the one read together with the claims ({@link #confirm}) and, when it is not
 * current, throws {@link StaleFacility} before the unit has written anything, and
 * {@link #speculative} runs the work again in the same unit on fresh data.
 *
 * <p>Stale facility data can never double-book: the claim store checks capacity against its own
 * rows in the booking's transaction. A snapshot is kept only when the version read before and
 * after loading it is the same, so it holds the data of exactly that version. Only searches and
 * bookings use the cache, and they never write facility data, so it never holds data written by a
 * unit that may still roll back; and a store never reuses a version anyway.
 */
public final class FacilityCache {
    private volatile Facility.Snapshot current;
    private final ThreadLocal<Memo> memo = new ThreadLocal<>();

    /** Creates an empty cache. */
    public FacilityCache() {
    }

    /**
     * The facility data for a unit: the cached snapshot when it has the store's current version,
     * else a fresh one; the store itself when it keeps no version. Asked again in the same unit,
     * answers without reading again (with the speculative snapshot, if the unit began with one).
     *
     * @param tx the running unit
     * @return the facility data
     */
    public Facility of(StorageTransaction tx) {
        Memo last = memo.get();
        if (last != null && last.tx == tx) {
            return last.facility;
        }
        Facility facility = load(tx.schedule());
        memo.set(new Memo(tx, facility, true));
        return facility;
    }

    /**
     * Starts a unit on the cached snapshot without reading its version; the unit must reach
     * {@link #confirm} (through the {@link SlotFinder}) before it writes. Without a cached
     * snapshot, the same as {@link #of}.
     *
     * @param tx the unit, just started
     */
    public void beginSpeculative(StorageTransaction tx) {
        Facility.Snapshot cached = current;
        if (cached == null) {
            of(tx);
        } else {
            memo.set(new Memo(tx, cached, false));
        }
    }

    /**
     * Runs work that starts on the cached snapshot ({@link #beginSpeculative}), within one unit.
     * When the snapshot turns out not to be current, the work runs again in the same unit on fresh
     * data. Whatever the work ends with, a result or an exception, stands only once the snapshot
     * is confirmed current (an "unknown service" from stale data must not reach the caller).
     *
     * <p>The work must not write before its first {@link SlotFinder} search, which is where the
     * snapshot is confirmed: running it again must not repeat a write.
     *
     * @param tx the unit, just started
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T speculative(StorageTransaction tx, TransactionWork<T> work) {
        beginSpeculative(tx);
        try {
            T result;
            try {
                result = work.run(tx);
            } catch (StaleFacility stale) {
                throw stale;
            } catch (RuntimeException | Error failure) {
                try {
                    confirm(tx, null);
                } catch (StaleFacility stale) {
                    throw stale;
                } catch (RuntimeException unconfirmed) {
                    // The storage failed again (a lost connection, say): the first failure stands.
                    failure.addSuppressed(unconfirmed);
                }
                throw failure;
            }
            confirm(tx, null);
            return result;
        } catch (StaleFacility stale) {
            return work.run(tx);
        }
    }

    /**
     * Confirms that the unit's facility data is current.
     *
     * @param tx the unit
     * @param version the schedule version read in the unit, or {@code null} when none was read
     * @throws StaleFacility when the unit began on a snapshot that is no longer current
     */
    void confirm(StorageTransaction tx, OptionalLong version) {
        Memo last = memo.get();
        if (last == null || last.tx != tx || last.confirmed) {
            return;
        }
        OptionalLong now = version != null ? version : tx.schedule().version();
        Facility.Snapshot snapshot = (Facility.Snapshot) last.facility;
        if (now.isPresent() && now.getAsLong() == snapshot.version()) {
            memo.set(new Memo(tx, snapshot, true));
            return;
        }
        if (current == snapshot) {
            current = null;
        }
        memo.remove();
        throw new StaleFacility();
    }

    private Facility load(ScheduleStore store) {
        OptionalLong version = store.version();
        if (version.isEmpty()) {
            return Facility.live(store);
        }
        Facility.Snapshot cached = current;
        if (cached != null && cached.version() == version.getAsLong()) {
            return cached;
        }
        Facility.Snapshot loaded = Facility.Snapshot.load(store, version.getAsLong());
        if (store.version().equals(version)) {
            current = loaded;
        }
        return loaded;
    }

    /**
     * The work of a unit began on a cached snapshot that turned out not to be current; it has
     * written nothing and runs again. Never leaves {@link #speculative}.
     */
    static final class StaleFacility extends CoordinatorException {
        private static final long serialVersionUID = 1L;

        StaleFacility() {
            super("facility data changed since it was cached");
        }
    }

    /** The facility data one unit is using, and whether its version was checked in the unit. */
    private record Memo(StorageTransaction tx, Facility facility, boolean confirmed) {
    }
}
