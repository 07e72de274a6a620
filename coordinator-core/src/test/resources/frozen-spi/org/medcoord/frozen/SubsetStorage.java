package org.medcoord.frozen;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.TransactionWork;

/**
 * A vendor's storage as written against the storage SPI of MedCoord 0.1: it keeps schedules and
 * appointments (with the audit trail and outbox every coordinator needs) and nothing else, and it
 * implements only the abstract methods of Storage and StorageTransaction, and the calendar read.
 *
 * FROZEN: FeatureSubsetTest compiles this file as it stands against the SPI of the day. Do not edit
 * it when a feature is added; if it stops compiling, the SPI broke the vendors it promised to keep.
 * Its data lives in a MemoryStorage, so that the test is about the SPI surface, not about storing.
 */
public final class SubsetStorage implements Storage {
    private static final Set<Class<?>> KEPT = Set.of(ScheduleStore.class, AppointmentStore.class,
            ClaimStore.class, HoldStore.class, IdempotencyStore.class, OutboxStore.class, AuditStore.class);

    private final MemoryStorage data = new MemoryStorage();

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        return data.inTransaction(tx -> work.run(new Unit(tx)));
    }

    @Override
    public Set<Class<?>> stores() {
        return KEPT;
    }

    @Override
    public String describe() {
        return "frozen-subset";
    }

    /** Answers only the ports this storage keeps. */
    private static final class Unit implements StorageTransaction {
        private final StorageTransaction tx;

        Unit(StorageTransaction tx) {
            this.tx = tx;
        }

        @Override
        public <S> Optional<S> find(Class<S> port) {
            return KEPT.contains(port) ? tx.find(port) : Optional.empty();
        }

        /** The memory storage's own read, which honours the finishing hint. */
        @Override
        public CalendarRead calendar(CalendarQuery query) {
            return tx.calendar(query);
        }
    }

    /** Registers the storage through ServiceLoader discovery. */
    public static final class Plugin implements CoordinatorPlugin {
        /** Needed by ServiceLoader. */
        public Plugin() {
        }

        @Override
        public String id() {
            return "frozen-subset";
        }

        @Override
        public List<Storage> storages() {
            return List.of(new SubsetStorage());
        }
    }
}
