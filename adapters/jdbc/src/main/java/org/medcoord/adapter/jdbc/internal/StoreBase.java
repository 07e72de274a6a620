package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import org.medcoord.spi.storage.support.UnitBinding;

/** What every store shares: the storage's units, its dialect and its table names. */
abstract class StoreBase {
    final UnitBinding<Unit> units;
    final Dialect dialect;
    final Tables tables;

    StoreBase(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        this.units = units;
        this.dialect = dialect;
        this.tables = tables;
    }

    /**
     * The current unit's connection, for reading. Writes held back are sent first, so the read
     * sees them.
     */
    final Connection reading() {
        Unit unit = units.reading();
        flush(unit);
        return unit.connection();
    }

    /**
     * The current unit's connection, for writing; refused in a read-only unit. Writes held back
     * are sent first, so writes reach the database in the order they were made.
     */
    final Connection writing() {
        Unit unit = units.writing();
        flush(unit);
        return unit.connection();
    }

    /**
     * Holds a write back until the unit's next read or its commit, where the dialect allows it;
     * else writes it now.
     *
     * @param write the write
     * @return {@code true} when held back; {@code false} when the caller must write it now
     */
    final boolean deferred(Deferred write) {
        Unit unit = units.writing();
        if (!unit.session().defers()) {
            return false;
        }
        unit.session().defer(write);
        return true;
    }

    private void flush(Unit unit) {
        unit.session().flush();
    }
}
