package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.PendingEvent;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * The outbox table, in append order by an identity column. A row's {@code state} is {@code P}
 * (pending), {@code X} (parked) or {@code D} (delivered); delivered rows are kept, so an event id
 * can never be appended twice. {@link #claimDue} locks the rows it returns with
 * {@code FOR UPDATE SKIP LOCKED}, so on PostgreSQL dispatchers on several nodes (or threads) never
 * take the same record while the first one's transaction is open, and never wait for it. On H2
 * the writing units on the file take turns (see {@link Engine}), so a second dispatcher waits for
 * the first one's unit to end.
 * On PostgreSQL an append is held back until the unit's next read or its commit
 * ({@link Deferred}); a taken event id then ends the unit with the same
 * {@code outbox-event-exists} conflict.
 */
final class JdbcOutboxStore extends StoreBase implements OutboxStore {
    private static final String PENDING = "P";
    private static final String PARKED = "X";
    private static final String DELIVERED = "D";
    private static final String COLUMNS = "event_id, event_type, aggregate_id, payload, occurred_ns, attempts, "
            + "next_attempt_ns, last_error";

    private final String append;
    private final String pending;
    private final String claimDue;
    private final String markDelivered;
    private final String retryLater;
    private final String park;
    private final String parked;
    private final String appendDeferred;

    JdbcOutboxStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        append = dialect.insertIfAbsent(tables.outbox(), "event_id", "event_id", "event_type", "aggregate_id",
                "payload", "occurred_ns", "attempts", "next_attempt_ns", "state");
        // Held back until the unit's next read or its commit: a plain insert, so that a taken event
        // id fails the statement (outbox_event_id_unique) and ends the unit with outbox-event-exists.
        appendDeferred = "INSERT INTO " + tables.outbox() + " (event_id, event_type, aggregate_id, payload, occurred_ns,"
                + " attempts, next_attempt_ns, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        pending = "SELECT " + COLUMNS + " FROM " + tables.outbox() + " WHERE state = '" + PENDING
                + "' ORDER BY seq LIMIT ?";
        String due = "state = '" + PENDING + "' AND next_attempt_ns <= ?";
        // H2 locks every row the WHERE clause matches before it applies LIMIT, so there the limit
        // is chosen in a subquery and only the chosen rows are locked.
        claimDue = dialect == Dialect.H2
                ? "SELECT " + COLUMNS + " FROM " + tables.outbox() + " WHERE " + due + " AND seq IN (SELECT seq FROM "
                        + tables.outbox() + " WHERE " + due + " ORDER BY seq LIMIT ?) ORDER BY seq FOR UPDATE SKIP LOCKED"
                : "SELECT " + COLUMNS + " FROM " + tables.outbox() + " WHERE " + due
                        + " ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED";
        markDelivered = "UPDATE " + tables.outbox() + " SET state = '" + DELIVERED + "' WHERE event_id = ? AND state <> '"
                + DELIVERED + "'";
        retryLater = "UPDATE " + tables.outbox() + " SET attempts = ?, next_attempt_ns = ?, last_error = ?"
                + " WHERE event_id = ? AND state <> '" + DELIVERED + "'";
        park = "UPDATE " + tables.outbox() + " SET attempts = ?, last_error = ?, state = '" + PARKED
                + "' WHERE event_id = ? AND state <> '" + DELIVERED + "'";
        parked = "SELECT " + COLUMNS + " FROM " + tables.outbox() + " WHERE state = '" + PARKED
                + "' ORDER BY seq LIMIT ?";
    }

    @Override
    public void append(OutboxRecord record) {
        Objects.requireNonNull(record, "record");
        long occurred = Nanos.of(record.occurredAt(), "record.occurredAt");
        if (deferred(new Deferred(appendDeferred, 8, (s, first) -> {
            s.setString(first, record.eventId());
            s.setString(first + 1, record.type());
            s.setString(first + 2, record.aggregateId());
            s.setString(first + 3, record.payload());
            s.setLong(first + 4, occurred);
            s.setInt(first + 5, 0);
            s.setLong(first + 6, occurred);
            s.setString(first + 7, PENDING);
        }, "outbox_event_id_unique", () -> exists(record), "append outbox event " + record.eventId()))) {
            return;
        }
        Connection connection = writing();
        int added;
        try (PreparedStatement s = connection.prepareStatement(append)) {
            s.setString(1, record.eventId());
            s.setString(2, record.type());
            s.setString(3, record.aggregateId());
            s.setString(4, record.payload());
            s.setLong(5, occurred);
            s.setInt(6, 0);
            s.setLong(7, occurred);
            s.setString(8, PENDING);
            added = s.executeUpdate();
        } catch (SQLException e) {
            if (dialect != Dialect.H2 || !SqlFailures.isUniqueViolation(e)) {
                throw SqlFailures.translate(e, "append outbox event " + record.eventId());
            }
            added = 0;
        }
        if (added == 0) {
            throw exists(record);
        }
    }

    private static ConflictException exists(OutboxRecord record) {
        return new ConflictException("outbox-event-exists", "outbox event " + record.eventId() + " already appended");
    }

    @Override
    public List<OutboxRecord> pending(int limit) {
        checkLimit(limit);
        Connection connection = reading();
        if (limit == 0) {
            return List.of();
        }
        return Sql.list(connection, pending, s -> s.setInt(1, limit), JdbcOutboxStore::record,
                "list pending outbox events");
    }

    @Override
    public List<PendingEvent> claimDue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        checkLimit(limit);
        Connection connection = writing();
        if (limit == 0) {
            return List.of();
        }
        long nowNs = Nanos.bound(now);
        return Sql.list(connection, claimDue, s -> {
            s.setLong(1, nowNs);
            if (dialect == Dialect.H2) {
                s.setLong(2, nowNs);
                s.setInt(3, limit);
            } else {
                s.setInt(2, limit);
            }
        }, JdbcOutboxStore::event, "claim due outbox events");
    }

    @Override
    public void markDelivered(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        Sql.update(writing(), markDelivered, s -> s.setString(1, eventId), "mark an outbox event delivered");
    }

    @Override
    public void retryLater(String eventId, int attempts, Instant nextAttemptAt, String errorCode) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(errorCode, "errorCode");
        long next = Nanos.bound(nextAttemptAt);
        Sql.update(writing(), retryLater, s -> {
            s.setInt(1, attempts);
            s.setLong(2, next);
            s.setString(3, errorCode);
            s.setString(4, eventId);
        }, "schedule a retry of an outbox event");
    }

    @Override
    public void park(String eventId, int attempts, String errorCode) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(errorCode, "errorCode");
        Sql.update(writing(), park, s -> {
            s.setInt(1, attempts);
            s.setString(2, errorCode);
            s.setString(3, eventId);
        }, "park an outbox event");
    }

    @Override
    public List<PendingEvent> parked(int limit) {
        checkLimit(limit);
        Connection connection = reading();
        if (limit == 0) {
            return List.of();
        }
        return Sql.list(connection, parked, s -> s.setInt(1, limit), JdbcOutboxStore::event,
                "list parked outbox events");
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    private static OutboxRecord record(ResultSet rows) throws SQLException {
        return new OutboxRecord(rows.getString("event_id"), rows.getString("event_type"),
                rows.getString("aggregate_id"), rows.getString("payload"), Nanos.instant(rows.getLong("occurred_ns")));
    }

    private static PendingEvent event(ResultSet rows) throws SQLException {
        return new PendingEvent(record(rows), rows.getInt("attempts"), Nanos.instant(rows.getLong("next_attempt_ns")),
                Optional.ofNullable(rows.getString("last_error")));
    }
}
