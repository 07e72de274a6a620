package org.medcoord.adapter.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.spi.storage.AuditStore;

/** The audit trail as a list in append order. */
final class MemoryAuditStore implements AuditStore {
    private final Units units;
    private final List<AuditRecord> records = new ArrayList<>();

    MemoryAuditStore(Units units) {
        this.units = units;
    }

    @Override
    public void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        Unit unit = units.writing();
        records.add(record);
        unit.onRollback(() -> records.remove(records.size() - 1));
    }

    @Override
    public List<AuditRecord> all() {
        units.reading();
        return List.copyOf(records);
    }
}
