package org.medcoord.core.audit;

import java.time.Duration;
import org.medcoord.adapter.memory.MemoryAuditTampering;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.Coordinator;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.TransactionWork;
import org.medcoord.spi.testkit.AuditTamperContract;
import org.medcoord.spi.testkit.AuditTampering;

/** The tamper suite on the in-memory adapter; its "restart" keeps the same memory. */
class MemoryAuditTamperTest extends AuditTamperContract {
    @Override
    protected Storage newStorage() {
        return new Restartable(new MemoryStorage());
    }

    @Override
    protected Storage reopen(Storage closed) {
        return new Restartable(((Restartable) closed).memory);
    }

    @Override
    protected Coordinator open(Storage storage, KeyProvider keys, CheckpointWitness witness, int checkpointEvery) {
        return Coordinators.builder()
                .plugin(plugin(storage, keys))
                .checkpointWitness(witness)
                .checkpointEvery(checkpointEvery)
                .sealAuditEvery(Duration.ofDays(1))
                .build();
    }

    @Override
    protected KeyProvider newKeys() {
        return new GeneratedKeyProvider("tamper");
    }

    @Override
    protected CheckpointWitness newWitness() {
        return CheckpointWitnesses.inMemory("tamper-witness");
    }

    @Override
    protected AuditTampering tampering(Storage storage) {
        return new MemoryAuditTampering(((Restartable) storage).memory);
    }

    /** A memory storage whose close ends only this view, so that a "restarted" coordinator finds the same data. */
    private static final class Restartable implements Storage {
        final MemoryStorage memory;
        private volatile boolean closed;

        Restartable(MemoryStorage memory) {
            this.memory = memory;
        }

        @Override
        public <T> T inTransaction(TransactionWork<T> work) {
            check();
            return memory.inTransaction(work);
        }

        @Override
        public <T> T read(TransactionWork<T> work) {
            check();
            return memory.read(work);
        }

        @Override
        public java.util.Set<Class<?>> stores() {
            return memory.stores();
        }

        @Override
        public String describe() {
            return "memory (restartable)";
        }

        @Override
        public void close() {
            closed = true;
        }

        private void check() {
            if (closed) {
                throw new IllegalStateException("closed");
            }
        }
    }
}
