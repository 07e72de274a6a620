package org.medcoord.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.PendingEvent;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Undelivered records by append sequence, with their delivery state. Delivered records are
 * dropped, but their ids are kept so that appending an event id twice is a conflict
 * ({@code outbox-event-exists}). One writer at a time holds the storage, so claiming needs no
 * locks of its own.
 */
final class MemoryOutboxStore implements OutboxStore {
    private final UnitBinding<Unit> units;
    private final TreeMap<Long, PendingEvent> undelivered = new TreeMap<>();
    private final Map<String, Long> sequenceOf = new HashMap<>();
    private final Set<String> parkedIds = new HashSet<>();
    private final Set<String> known = new HashSet<>();
    private long nextSeq;

    MemoryOutboxStore(UnitBinding<Unit> units) {
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
        undelivered.put(seq, new PendingEvent(record, 0, record.occurredAt(), Optional.empty()));
        sequenceOf.put(id, seq);
        unit.onRollback(() -> {
            undelivered.remove(seq);
            sequenceOf.remove(id);
            known.remove(id);
        });
    }

    @Override
    public List<OutboxRecord> pending(int limit) {
        checkLimit(limit);
        units.reading();
        List<OutboxRecord> oldest = new ArrayList<>(Math.min(limit, undelivered.size()));
        for (PendingEvent event : undelivered.values()) {
            if (oldest.size() == limit) {
                break;
            }
            if (!parkedIds.contains(event.record().eventId())) {
                oldest.add(event.record());
            }
        }
        return List.copyOf(oldest);
    }

    @Override
    public List<PendingEvent> claimDue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        checkLimit(limit);
        units.writing();
        List<PendingEvent> due = new ArrayList<>();
        for (PendingEvent event : undelivered.values()) {
            if (due.size() == limit) {
                break;
            }
            if (!parkedIds.contains(event.record().eventId()) && !event.nextAttemptAt().isAfter(now)) {
                due.add(event);
            }
        }
        return List.copyOf(due);
    }

    @Override
    public void markDelivered(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        Unit unit = units.writing();
        Long seq = sequenceOf.remove(eventId);
        if (seq == null) {
            return;
        }
        PendingEvent event = undelivered.remove(seq);
        boolean wasParked = parkedIds.remove(eventId);
        unit.onRollback(() -> {
            undelivered.put(seq, event);
            sequenceOf.put(eventId, seq);
            if (wasParked) {
                parkedIds.add(eventId);
            }
        });
    }

    @Override
    public void retryLater(String eventId, int attempts, Instant nextAttemptAt, String errorCode) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        replace(eventId, e -> new PendingEvent(e.record(), attempts, nextAttemptAt, Optional.of(errorCode)));
    }

    @Override
    public void park(String eventId, int attempts, String errorCode) {
        Unit unit = units.writing();
        if (replace(eventId, e -> new PendingEvent(e.record(), attempts, e.nextAttemptAt(), Optional.of(errorCode)))
                && parkedIds.add(eventId)) {
            unit.onRollback(() -> parkedIds.remove(eventId));
        }
    }

    @Override
    public List<PendingEvent> parked(int limit) {
        checkLimit(limit);
        units.reading();
        List<PendingEvent> out = new ArrayList<>();
        for (PendingEvent event : undelivered.values()) {
            if (out.size() == limit) {
                break;
            }
            if (parkedIds.contains(event.record().eventId())) {
                out.add(event);
            }
        }
        return List.copyOf(out);
    }

    private boolean replace(String eventId, java.util.function.UnaryOperator<PendingEvent> change) {
        Objects.requireNonNull(eventId, "eventId");
        Unit unit = units.writing();
        Long seq = sequenceOf.get(eventId);
        if (seq == null) {
            return false;
        }
        PendingEvent before = undelivered.get(seq);
        undelivered.put(seq, change.apply(before));
        unit.onRollback(() -> undelivered.put(seq, before));
        return true;
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
