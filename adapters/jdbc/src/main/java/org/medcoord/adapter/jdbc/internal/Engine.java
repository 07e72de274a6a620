package org.medcoord.adapter.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.medcoord.api.common.AdapterException;
import org.medcoord.spi.storage.TransactionWork;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Runs units of work on pooled connections: one JDBC transaction per outermost unit, read
 * committed for writing units (the claim store adds its own locks) and a read-only snapshot for
 * reading units. Nested units join the outer transaction behind a savepoint. On H2, writing units
 * on one database file take turns, across every storage opened on that file in this JVM.
 */
public final class Engine implements AutoCloseable {
    /**
     * The writer lock of each H2 database file opened in this JVM, by real path. A file has one
     * lock however many storages open it; no other process can open it while this one has it.
     */
    private static final Map<String, ReentrantLock> H2_WRITERS = new ConcurrentHashMap<>();

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final UnitBinding<Unit> units = new UnitBinding<>("JDBC");
    private final Stores stores;
    private final String description;
    private final ReentrantLock h2Writers;
    private volatile boolean closed;

    Engine(HikariDataSource pool, Dialect dialect, String schema, String description, Path h2File) {
        this.pool = pool;
        this.dialect = dialect;
        this.stores = Stores.create(units, dialect, Tables.in(schema));
        this.description = description;
        this.h2Writers = h2File == null ? null : H2_WRITERS.computeIfAbsent(realPath(h2File),
                file -> new ReentrantLock(true));
    }

    private static String realPath(Path file) {
        try {
            return file.toRealPath().toString();
        } catch (java.io.IOException | SecurityException e) {
            return file.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * Runs writing work; see {@link org.medcoord.adapter.jdbc.JdbcStorage#inTransaction}.
     *
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        Unit outer = units.current();
        if (outer != null) {
            if (outer.readOnly()) {
                throw new IllegalStateException("inTransaction called inside read(): a read-only unit cannot start a "
                        + "writing one; use inTransaction for the outer unit");
            }
            return nested(outer.session(), work, false);
        }
        return outermost(work, false);
    }

    /**
     * Runs read-only work; see {@link org.medcoord.adapter.jdbc.JdbcStorage#read}.
     *
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T read(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        Unit outer = units.current();
        if (outer != null) {
            return nested(outer.session(), work, true);
        }
        return outermost(work, true);
    }

    /**
     * Where the data lives, without credentials.
     *
     * @return the description
     */
    public String describe() {
        return description;
    }

    /**
     * The store ports every unit answers.
     *
     * @return the ports
     */
    public java.util.Set<Class<?>> ports() {
        return stores.ports().ports();
    }

    /** Closes the pool; idempotent. Units already running finish on their connections. */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    private <T> T outermost(TransactionWork<T> work, boolean readOnly) {
        if (closed) {
            throw new IllegalStateException("JDBC storage is closed: " + description);
        }
        if (readOnly || dialect != Dialect.H2) {
            return unit(work, readOnly);
        }
        // H2 checks an UPDATE's WHERE clause against the row as it was when the statement started,
        // even after waiting for another unit's lock on it, so two concurrent read-modify-write
        // units could both pass an optimistic version check (seen in the contract kit as a lost
        // update). The embedded file serves one process, and its commits are written one at a time
        // anyway, so writing units on the file take turns; reading units still run alongside them.
        // The claim store relies on this too: it takes no row locks on H2.
        h2Writers.lock();
        try {
            return unit(work, false);
        } finally {
            h2Writers.unlock();
        }
    }

    private <T> T unit(TransactionWork<T> work, boolean readOnly) {
        Connection connection = borrow();
        Session session = new Session(connection, !readOnly && dialect == Dialect.POSTGRESQL);
        if (readOnly) {
            beginRead(connection);
        }
        Unit unit = new Unit(stores, session, description, readOnly, false);
        units.set(unit);
        T result;
        try {
            result = work.run(unit);
        } catch (Throwable failure) {
            unit.end();
            units.set(null);
            rollback(connection, failure);
            release(connection, failure);
            throw failure;
        }
        unit.end();
        units.set(null);
        finish(session, readOnly);
        return result;
    }

    private <T> T nested(Session session, TransactionWork<T> work, boolean readOnly) {
        Unit previous = units.current();
        // After a finishing read nothing can be written, so there is nothing to undo.
        Savepoint savepoint = readOnly || session.finished() ? null : session.savepoint();
        Unit unit = new Unit(stores, session, description, readOnly, true);
        units.set(unit);
        try {
            T result = work.run(unit);
            // The nested unit's own held-back writes fail, if they fail, inside it: only its
            // writes are undone and the outer unit carries on.
            session.flush();
            return result;
        } catch (Throwable failure) {
            if (savepoint != null) {
                session.rollbackTo(savepoint, failure);
            }
            throw failure;
        } finally {
            unit.end();
            units.set(previous);
        }
    }

    private Connection borrow() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "get a connection from the pool (" + description + ")");
        }
    }

    /**
     * A consistent snapshot for the whole read unit: repeatable read, and on PostgreSQL a read-only
     * transaction, set as its first statement so that nothing has to be reset afterwards.
     */
    private void beginRead(Connection connection) {
        try {
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
            } else {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
        } catch (SQLException e) {
            AdapterException failure = SqlFailures.translate(e, "start a read-only unit");
            release(connection, failure);
            throw failure;
        }
    }

    private void finish(Session session, boolean readOnly) {
        Connection connection = session.raw();
        String rolledBack = session.rolledBackBecause();
        try {
            if (rolledBack != null) {
                connection.rollback();
                throw new AdapterException("storage unit was rolled back by the database (" + rolledBack
                        + "); nothing it wrote was saved", null);
            }
            if (readOnly) {
                connection.rollback();
            } else {
                commit(session);
            }
        } catch (SQLException e) {
            AdapterException failure = new AdapterException("storage could not commit the unit: "
                    + SqlFailures.describe(e) + "; if the connection was lost, the unit may or may not have been saved",
                    DatabaseError.of(e));
            rollback(connection, failure);
            release(connection, failure);
            throw failure;
        } catch (RuntimeException e) {
            release(connection, e);
            throw e;
        }
        release(connection, null);
    }

    /** Commits; when the writes held back fail with it, the unit rolls back and ends with their failure. */
    private static void commit(Session session) throws SQLException {
        try {
            session.commit();
        } catch (RuntimeException failure) {
            rollback(session.raw(), failure);
            throw failure;
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(SqlFailures.translate(e, "roll back the unit"));
        }
    }

    private static void release(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(SqlFailures.translate(e, "return a connection to the pool"));
            }
        }
    }
}
