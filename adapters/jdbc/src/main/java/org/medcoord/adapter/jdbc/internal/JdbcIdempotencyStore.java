package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.IdempotencyRecord;
import org.medcoord.spi.storage.IdempotencyStore;

/**
 * Idempotency records by key. The primary key makes the first insert win, also against a
 * concurrent transaction: on PostgreSQL the second insert waits for the first to commit and then
 * adds nothing ({@code ON CONFLICT DO NOTHING}), which is reported as {@code idempotency-key-exists}.
 */
final class JdbcIdempotencyStore extends StoreBase implements IdempotencyStore {
    private final String insert;
    private final String find;

    JdbcIdempotencyStore(Units units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        insert = dialect.insertIfAbsent(tables.idempotencyKeys(), "idempotency_key", "idempotency_key", "fingerprint",
                "result_id", "created_ns");
        find = "SELECT idempotency_key, fingerprint, result_id, created_ns FROM " + tables.idempotencyKeys()
                + " WHERE idempotency_key = ?";
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return Sql.one(reading(), find, s -> s.setString(1, key.value()), rows -> new IdempotencyRecord(
                IdempotencyKey.of(rows.getString("idempotency_key")), rows.getString("fingerprint"),
                rows.getString("result_id"), Nanos.instant(rows.getLong("created_ns"))),
                "read idempotency key " + key);
    }

    @Override
    public void insert(IdempotencyRecord record) {
        Objects.requireNonNull(record, "record");
        Connection connection = writing();
        long created = Nanos.of(record.createdAt(), "record.createdAt");
        int added;
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            s.setString(1, record.key().value());
            s.setString(2, record.fingerprint());
            s.setString(3, record.resultId());
            s.setLong(4, created);
            added = s.executeUpdate();
        } catch (SQLException e) {
            if (dialect != Dialect.H2 || !SqlFailures.isUniqueViolation(e)) {
                throw SqlFailures.translate(e, "insert idempotency key " + record.key());
            }
            added = 0;
        }
        if (added == 0) {
            throw new ConflictException("idempotency-key-exists", "idempotency key " + record.key() + " already used");
        }
    }
}
