package org.medcoord.adapter.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.support.UnitBinding;

/** Holds by id. Inserting an id that exists is a conflict ({@code hold-exists}). */
final class MemoryHoldStore implements HoldStore {
    private final UnitBinding<Unit> units;
    private final Map<HoldId, Hold> holds = new HashMap<>();

    MemoryHoldStore(UnitBinding<Unit> units) {
        this.units = units;
    }

    @Override
    public void insert(Hold hold) {
        Objects.requireNonNull(hold, "hold");
        Unit unit = units.writing();
        if (holds.putIfAbsent(hold.id(), hold) != null) {
            throw new ConflictException("hold-exists", "hold " + hold.id() + " already exists");
        }
        unit.onRollback(() -> holds.remove(hold.id()));
    }

    @Override
    public Optional<Hold> find(HoldId id) {
        Objects.requireNonNull(id, "id");
        units.reading();
        return Optional.ofNullable(holds.get(id));
    }

    @Override
    public boolean delete(HoldId id) {
        Objects.requireNonNull(id, "id");
        Unit unit = units.writing();
        Hold removed = holds.remove(id);
        if (removed == null) {
            return false;
        }
        unit.onRollback(() -> holds.put(id, removed));
        return true;
    }
}
