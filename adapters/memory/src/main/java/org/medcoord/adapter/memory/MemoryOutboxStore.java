package org.medcoord.adapter.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.OutboxStore;

/**
 * Pending records by append sequence. Delivered records are dropped, but their ids are kept so
 * that appending an event id twice is a conflict ({@code outbox-event-exists}).
 */
final class MemoryOutboxStore implements OutboxStore {
    private final Units units;
    private final TreeMap<Long, OutboxRecord> pending = new TreeMap<>();
    private final Map<String, Long> pendingSeq = new HashMap<>();
    private final Set<String> known = new HashSet<>();
    private long nextSeq;

    MemoryOutboxStore(Units units) {
        this.units = units;
    }

    @Override
    public void append(OutboxRecord record) {
        Objects.requireNonNull(record, "record");
        Unit unit = units.writing();
        String id = record.eventId();
        if (!known.add(id)) {
            throw new ConflictException("outbox-event-exists", "outbox event " + id + " already appended");
        }
        long seq = nextSeq++;
        pending.put(seq, record);
        pendingSeq.put(id, seq);
        unit.onRollback(() -> {
            pending.remove(seq);
            pendingSeq.remove(id);
            known.remove(id);
        });
    }

    @Override
    public List<OutboxRecord> pending(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        units.reading();
        List<OutboxRecord> oldest = new ArrayList<>(Math.min(limit, pending.size()));
        for (OutboxRecord record : pending.values()) {
            if (oldest.size() == limit) {
                break;
            }
            oldest.add(record);
        }
        return List.copyOf(oldest);
    }

    @Override
    public void markDelivered(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        Unit unit = units.writing();
        Long seq = pendingSeq.remove(eventId);
        if (seq == null) {
            return;
        }
        OutboxRecord record = pending.remove(seq);
        unit.onRollback(() -> {
            pending.put(seq, record);
            pendingSeq.put(eventId, seq);
        });
    }
}
