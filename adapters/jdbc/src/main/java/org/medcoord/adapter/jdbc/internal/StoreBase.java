package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;

/** What every store shares: the storage's units, its dialect and its table names. */
abstract class StoreBase {
    final Units units;
    final Dialect dialect;
    final Tables tables;

    StoreBase(Units units, Dialect dialect, Tables tables) {
        this.units = units;
        this.dialect = dialect;
        this.tables = tables;
    }

    /** The current unit's connection, for reading. */
    final Connection reading() {
        return units.reading().connection();
    }

    /** The current unit's connection, for writing; refused in a read-only unit. */
    final Connection writing() {
        return units.writing().connection();
    }
}
