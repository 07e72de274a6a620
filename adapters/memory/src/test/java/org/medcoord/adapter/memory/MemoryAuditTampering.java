package org.medcoord.adapter.memory;

import java.util.Objects;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.testkit.AuditTampering;

/**
 * Changes a memory storage's audit rows behind its back, for the audit tamper suite. Use it only
 * while no unit of work runs on the storage.
 */
public final class MemoryAuditTampering implements AuditTampering {
    private final MemoryAuditStore audit;

    /**
     * Tampers with a memory storage.
     *
     * @param storage the storage
     */
    public MemoryAuditTampering(MemoryStorage storage) {
        this.audit = Objects.requireNonNull(storage, "storage").auditRows();
    }

    @Override
    public void replaceEvent(ChainedEvent event) {
        if (audit.sealedRows().replace(event.sequence(), event) == null) {
            throw new IllegalArgumentException("no sealed event " + event.sequence());
        }
    }

    @Override
    public void removeEvents(long first, long last) {
        audit.sealedRows().subMap(first, true, last, true).clear();
    }

    @Override
    public void replaceCheckpoint(Checkpoint checkpoint) {
        if (audit.checkpointRows().replace(checkpoint.index(), checkpoint) == null) {
            throw new IllegalArgumentException("no checkpoint " + checkpoint.index());
        }
    }

    @Override
    public void removeCheckpoints(long first, long last) {
        audit.checkpointRows().subMap(first, true, last, true).clear();
    }
}
