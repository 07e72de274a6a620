package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.IdempotencyRecord;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Idempotency keys in the {@code idempotency} table. A key is checked and inserted inside the one
 * writing unit that runs at a time, and its primary key refuses a second insert in any case.
 */
final class SqliteIdempotencyStore implements IdempotencyStore {
    private final UnitBinding<SqliteUnit> binding;

    SqliteIdempotencyStore(UnitBinding<SqliteUnit> binding) {
        this.binding = binding;
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key) {
        return find(binding.reading().connection(), key);
    }

    @Override
    public void insert(IdempotencyRecord record) {
        Connection c = binding.writing().connection();
        if (find(c, record.key()).isPresent()) {
            throw new ConflictException("idempotency-key-exists", "idempotency key " + record.key() + " is taken");
        }
        Sql.update(c, "recording idempotency key " + record.key(),
                "INSERT INTO idempotency (idempotency_key, fingerprint, result_id, created_s, created_n) "
                        + "VALUES (?, ?, ?, ?, ?)",
                record.key().value(), record.fingerprint(), record.resultId(), record.createdAt().getEpochSecond(),
                record.createdAt().getNano());
    }

    private static Optional<IdempotencyRecord> find(Connection c, IdempotencyKey key) {
        return Sql.one(c, "reading idempotency key " + key,
                "SELECT fingerprint, result_id, created_s, created_n FROM idempotency WHERE idempotency_key = ?",
                row -> new IdempotencyRecord(key, row.getString(1), row.getString(2),
                        Instant.ofEpochSecond(row.getLong(3), row.getInt(4))), key.value());
    }
}
