package org.medcoord.adapter.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.audit.AuditQuery;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.SealedRecord;
import org.medcoord.spi.audit.UnsealedRecord;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * The audit trail as a list in append order; unsealed records by key, sealed events by sequence.
 * One writer at a time holds the storage, so the chain head needs no lock of its own.
 */
final class MemoryAuditStore implements AuditStore {
    private final UnitBinding<Unit> units;
    private final List<AuditRecord> records = new ArrayList<>();
    private final TreeMap<Long, AuditRecord> unsealed = new TreeMap<>();
    private final TreeMap<Long, ChainedEvent> chain = new TreeMap<>();
    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final Map<String, Long> sinkMarks = new HashMap<>();
    private ChainHead head = ChainHead.EMPTY;
    private long nextKey = 1;

    MemoryAuditStore(UnitBinding<Unit> units) {
        this.units = units;
    }

    /** The sealed events by sequence, for the tamper tests in this package. */
    TreeMap<Long, ChainedEvent> sealedRows() {
        return chain;
    }

    /** The checkpoints by index, for the tamper tests in this package. */
    TreeMap<Long, Checkpoint> checkpointRows() {
        return checkpoints;
    }

    @Override
    public void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        Unit unit = units.writing();
        long key = nextKey++;
        records.add(record);
        unsealed.put(key, record);
        unit.onRollback(() -> {
            records.remove(records.size() - 1);
            unsealed.remove(key);
        });
    }

    @Override
    public List<AuditRecord> all() {
        units.reading();
        return List.copyOf(records);
    }

    @Override
    public ChainHead lockHead() {
        units.writing();
        return head;
    }

    @Override
    public List<UnsealedRecord> unsealed(int limit) {
        checkLimit(limit);
        units.reading();
        List<UnsealedRecord> oldest = new ArrayList<>(Math.min(limit, unsealed.size()));
        for (Map.Entry<Long, AuditRecord> entry : unsealed.entrySet()) {
            if (oldest.size() == limit) {
                break;
            }
            oldest.add(new UnsealedRecord(entry.getKey(), entry.getValue()));
        }
        return List.copyOf(oldest);
    }

    @Override
    public void seal(List<SealedRecord> sealed) {
        Unit unit = units.writing();
        List<SealedRecord> batch = List.copyOf(sealed);
        for (SealedRecord record : batch) {
            if (chain.containsKey(record.event().sequence())) {
                throw new ConflictException("audit-chain-sequence-taken",
                        "audit chain sequence " + record.event().sequence() + " is sealed already");
            }
            if (!unsealed.containsKey(record.key())) {
                throw new ConflictException("audit-record-sealed",
                        "audit record " + record.key() + " is sealed already or unknown");
            }
        }
        ChainHead before = head;
        for (SealedRecord record : batch) {
            AuditRecord original = unsealed.remove(record.key());
            chain.put(record.event().sequence(), record.event());
            unit.onRollback(() -> {
                chain.remove(record.event().sequence());
                unsealed.put(record.key(), original);
            });
        }
        if (!batch.isEmpty()) {
            ChainedEvent last = batch.get(batch.size() - 1).event();
            head = new ChainHead(last.sequence(), last.hash());
            unit.onRollback(() -> head = before);
        }
    }

    @Override
    public List<ChainedEvent> chain(long fromSequence, int limit) {
        checkLimit(limit);
        units.reading();
        List<ChainedEvent> found = new ArrayList<>(Math.min(limit, 1024));
        for (ChainedEvent event : chain.tailMap(fromSequence, true).values()) {
            if (found.size() == limit) {
                break;
            }
            found.add(event);
        }
        return List.copyOf(found);
    }

    @Override
    public List<ChainedEvent> find(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        units.reading();
        return chain.values().stream().filter(query::matches).toList();
    }

    @Override
    public void addCheckpoint(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Unit unit = units.writing();
        long index = checkpoint.index();
        if (checkpoints.containsKey(index)) {
            throw new ConflictException("audit-checkpoint-index-taken", "audit checkpoint " + index + " is stored already");
        }
        checkpoints.put(index, checkpoint);
        unit.onRollback(() -> checkpoints.remove(index));
    }

    @Override
    public List<Checkpoint> checkpoints(long fromIndex, int limit) {
        checkLimit(limit);
        units.reading();
        List<Checkpoint> found = new ArrayList<>(Math.min(limit, 1024));
        for (Checkpoint checkpoint : checkpoints.tailMap(fromIndex, true).values()) {
            if (found.size() == limit) {
                break;
            }
            found.add(checkpoint);
        }
        return List.copyOf(found);
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        units.reading();
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.lastEntry().getValue());
    }

    @Override
    public long sinkMark(String sinkId) {
        Objects.requireNonNull(sinkId, "sinkId");
        units.reading();
        return sinkMarks.getOrDefault(sinkId, 0L);
    }

    @Override
    public void setSinkMark(String sinkId, long sequence) {
        Objects.requireNonNull(sinkId, "sinkId");
        Unit unit = units.writing();
        Long before = sinkMarks.put(sinkId, sequence);
        unit.onRollback(() -> {
            if (before == null) {
                sinkMarks.remove(sinkId);
            } else {
                sinkMarks.put(sinkId, before);
            }
        });
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
