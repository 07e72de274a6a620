package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.PendingEvent;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * The outbox in the {@code outbox} table, in append order. {@link #claimDue} needs no row lock:
 * it is a write, and writing units run one at a time, so no two dispatchers hold the same record.
 */
final class SqliteOutboxStore implements OutboxStore {
    private static final String COLUMNS = "SELECT event_id, type, aggregate_id, payload, occurred_ns, attempts, "
            + "next_attempt_ns, last_error FROM outbox ";
    private static final String PENDING = "pending";
    private static final String DELIVERED = "delivered";
    private static final String PARKED = "parked";

    private final UnitBinding<SqliteUnit> binding;

    SqliteOutboxStore(UnitBinding<SqliteUnit> binding) {
        this.binding = binding;
    }

    @Override
    public void append(OutboxRecord record) {
        Connection c = binding.writing().connection();
        String id = record.eventId();
        if (Sql.one(c, "checking outbox event " + id, "SELECT 1 FROM outbox WHERE event_id = ?", row -> true, id)
                .isPresent()) {
            throw new ConflictException("outbox-event-exists", "outbox event " + id + " exists already");
        }
        long occurred = Sql.stored("occurredAt", record.occurredAt());
        Sql.update(c, "appending outbox event " + id,
                "INSERT INTO outbox (event_id, type, aggregate_id, payload, occurred_ns, attempts, next_attempt_ns, "
                        + "last_error, state) VALUES (?, ?, ?, ?, ?, 0, ?, NULL, ?)",
                id, record.type(), record.aggregateId(), record.payload(), occurred, occurred, PENDING);
    }

    @Override
    public List<OutboxRecord> pending(int limit) {
        checkLimit(limit);
        return Sql.list(binding.reading().connection(), "reading pending outbox events",
                COLUMNS + "WHERE state = ? ORDER BY seq LIMIT ?", row -> pendingEvent(row).record(), PENDING, limit);
    }

    @Override
    public List<PendingEvent> claimDue(Instant now, int limit) {
        checkLimit(limit);
        return Sql.list(binding.writing().connection(), "claiming due outbox events",
                COLUMNS + "WHERE state = ? AND next_attempt_ns <= ? ORDER BY seq LIMIT ?", SqliteOutboxStore::pendingEvent,
                PENDING, Sql.bound(now), limit);
    }

    @Override
    public void markDelivered(String eventId) {
        Sql.update(binding.writing().connection(), "marking outbox event " + eventId + " delivered",
                "UPDATE outbox SET state = ? WHERE event_id = ? AND state = ?", DELIVERED, eventId, PENDING);
    }

    @Override
    public void retryLater(String eventId, int attempts, Instant nextAttemptAt, String errorCode) {
        Sql.update(binding.writing().connection(), "scheduling a retry of outbox event " + eventId,
                "UPDATE outbox SET attempts = ?, next_attempt_ns = ?, last_error = ? WHERE event_id = ? AND state = ?",
                attempts, Sql.stored("nextAttemptAt", nextAttemptAt), errorCode, eventId, PENDING);
    }

    @Override
    public void park(String eventId, int attempts, String errorCode) {
        Sql.update(binding.writing().connection(), "parking outbox event " + eventId,
                "UPDATE outbox SET attempts = ?, last_error = ?, state = ? WHERE event_id = ? AND state = ?",
                attempts, errorCode, PARKED, eventId, PENDING);
    }

    @Override
    public List<PendingEvent> parked(int limit) {
        checkLimit(limit);
        return Sql.list(binding.reading().connection(), "reading parked outbox events",
                COLUMNS + "WHERE state = ? ORDER BY seq LIMIT ?", SqliteOutboxStore::pendingEvent, PARKED, limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    private static PendingEvent pendingEvent(ResultSet row) throws SQLException {
        OutboxRecord record = new OutboxRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Sql.instant(row.getLong(5)));
        return new PendingEvent(record, row.getInt(6), Sql.instant(row.getLong(7)),
                Optional.ofNullable(row.getString(8)));
    }
}
