package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.util.Optional;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.support.UnitBinding;

/** Holds in the {@code hold} table, expired or not; their claims live in the claim store. */
final class SqliteHoldStore implements HoldStore {
    private final UnitBinding<SqliteUnit> binding;

    SqliteHoldStore(UnitBinding<SqliteUnit> binding) {
        this.binding = binding;
    }

    @Override
    public void insert(Hold hold) {
        Connection c = binding.writing().connection();
        String id = hold.id().value();
        if (Sql.one(c, "checking hold " + id, "SELECT 1 FROM hold WHERE id = ?", row -> true, id).isPresent()) {
            throw new ConflictException("hold-exists", "hold " + id + " exists already");
        }
        Sql.update(c, "inserting hold " + id, "INSERT INTO hold (id, body) VALUES (?, ?)", id,
                Codec.encode(Codec.HOLD, hold));
    }

    @Override
    public Optional<Hold> find(HoldId id) {
        return Sql.one(binding.reading().connection(), "reading hold " + id, "SELECT id, body FROM hold WHERE id = ?",
                row -> SqliteScheduleStore.decode(Codec.READ_HOLD, row.getString(1), row.getBytes(2), "hold"),
                id.value());
    }

    @Override
    public boolean delete(HoldId id) {
        return Sql.update(binding.writing().connection(), "deleting hold " + id, "DELETE FROM hold WHERE id = ?",
                id.value()) > 0;
    }
}
