package org.medcoord.adapter.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.IdempotencyRecord;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.support.UnitBinding;

/** Idempotency records by key; the storage's write lock makes the first insert win. */
final class MemoryIdempotencyStore implements IdempotencyStore {
    private final UnitBinding<Unit> units;
    private final Map<IdempotencyKey, IdempotencyRecord> records = new HashMap<>();

    MemoryIdempotencyStore(UnitBinding<Unit> units) {
        this.units = units;
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        units.reading();
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public void insert(IdempotencyRecord record) {
        Objects.requireNonNull(record, "record");
        Unit unit = units.writing();
        if (records.putIfAbsent(record.key(), record) != null) {
            throw new ConflictException("idempotency-key-exists", "idempotency key " + record.key() + " already used");
        }
        unit.onRollback(() -> records.remove(record.key()));
    }
}
