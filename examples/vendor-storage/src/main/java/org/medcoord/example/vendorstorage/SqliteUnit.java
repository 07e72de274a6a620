package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import org.medcoord.spi.storage.support.StorePorts;
import org.medcoord.spi.storage.support.UnitOfWork;

/**
 * One unit of work on the SQLite file: the connection whose transaction it runs in, and whether a
 * finishing calendar read has closed its writes. A nested unit runs on its outer unit's connection
 * and takes its closed writes from the outermost unit.
 */
final class SqliteUnit extends UnitOfWork {
    private final StorePorts stores;
    private final String storage;
    private final Connection connection;
    private final SqliteUnit outermost;
    private boolean finished;

    private SqliteUnit(StorePorts stores, String storage, boolean readOnly, Connection connection,
                       SqliteUnit outer) {
        super(stores, storage, readOnly, outer != null);
        this.stores = stores;
        this.storage = storage;
        this.connection = connection;
        this.outermost = outer == null ? this : outer.outermost;
    }

    /** An outermost unit on its own connection, whose transaction the caller has begun. */
    static SqliteUnit outermost(StorePorts stores, String storage, boolean readOnly, Connection connection) {
        return new SqliteUnit(stores, storage, readOnly, connection, null);
    }

    /** A unit nested in another on the same thread: read-only when asked to be or when the outer unit is. */
    static SqliteUnit nestedIn(SqliteUnit outer, boolean readOnly) {
        return new SqliteUnit(outer.stores, outer.storage, readOnly || outer.readOnly(), outer.connection, outer);
    }

    Connection connection() {
        return connection;
    }

    @Override
    protected boolean writesClosed() {
        return outermost.finished;
    }

    /**
     * Closes the unit's writes after a finishing read; this storage does not commit with the read:
     * the unit's writes commit or roll back when it ends.
     */
    @Override
    protected void closeWrites() {
        finished = true;
    }
}
