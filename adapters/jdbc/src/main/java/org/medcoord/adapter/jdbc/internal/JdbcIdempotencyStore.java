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
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Idempotency records by key. The primary key makes the first insert win, also against a
 * concurrent transaction. On PostgreSQL the insert is held back until the unit's next read or its
 * commit ({@link Deferred}); a second insert of a key waits there for the first unit to commit and
 * then fails on the primary key, which ends its unit with {@code idempotency-key-exists}. On H2 the
 * insert runs at once and a duplicate is reported at the call.
 */
final class JdbcIdempotencyStore extends StoreBase implements IdempotencyStore {
    private final String insert;
    private final String find;
    private final String insertDeferred;

    JdbcIdempotencyStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        insert = dialect.insertIfAbsent(tables.idempotencyKeys(), "idempotency_key", "idempotency_key", "fingerprint",
                "result_id", "created_ns");
        // Held back until the unit's next read or its commit: a plain insert, so that a used key
        // fails the statement (idempotency_keys_pkey) and ends the unit with idempotency-key-exists.
        insertDeferred = "INSERT INTO " + tables.idempotencyKeys()
                + " (idempotency_key, fingerprint, result_id, created_ns) VALUES (?, ?, ?, ?)";
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
        long created = Nanos.of(record.createdAt(), "record.createdAt");
        if (deferred(new Deferred(insertDeferred, 4, (s, first) -> {
            s.setString(first, record.key().value());
            s.setString(first + 1, record.fingerprint());
            s.setString(first + 2, record.resultId());
            s.setLong(first + 3, created);
        }, "idempotency_keys_pkey", () -> used(record), "insert idempotency key " + record.key()))) {
            return;
        }
        Connection connection = writing();
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
            throw used(record);
        }
    }

    private static ConflictException used(IdempotencyRecord record) {
        return new ConflictException("idempotency-key-exists", "idempotency key " + record.key() + " already used");
    }
}
