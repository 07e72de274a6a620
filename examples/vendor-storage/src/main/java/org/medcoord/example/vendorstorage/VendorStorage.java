package org.medcoord.example.vendorstorage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.medcoord.api.common.AdapterException;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.TransactionWork;
import org.medcoord.spi.storage.support.StorePorts;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * A MedCoord storage in one SQLite file, for a coordinator built with the appointments feature (and
 * so schedules) and the audit trail: it keeps {@link ScheduleStore}, {@link AppointmentStore},
 * {@link ClaimStore}, {@link HoldStore}, {@link IdempotencyStore}, {@link OutboxStore} and
 * {@link AuditStore}, and not the wait list's or the paperwork's ports. Build the coordinator with
 * {@code features(Appointments.FEATURE)}.
 *
 * <p>Writing units run one at a time: each holds a lock of this storage and SQLite's write lock
 * ({@code BEGIN IMMEDIATE}) on the one writing connection, so claims never exceed a resource's
 * capacity, also against another process opening the same file (it waits up to 30 seconds for the
 * write lock, then fails with an {@link AdapterException}). Read-only units ({@link #read}) run on a
 * small pool of connections beside the writer (the file is in WAL mode). A unit nested in another on
 * the same thread runs in the outer unit's transaction, a writing one as a savepoint.
 *
 * <p>A {@linkplain org.medcoord.spi.storage.CalendarQuery#finishing() finishing} calendar read
 * closes the unit's writes but does not commit with the read: the unit's writes, before and after
 * the read alike, commit or roll back when the unit ends.
 *
 * <p>Thread safe. Opening creates the tables when the file is new; database failures are thrown as
 * {@link AdapterException}s naming record ids only.
 *
 * @since 0.1
 */
public final class VendorStorage implements Storage {
    private static final String NAME = "vendor-sqlite";
    private static final int READ_CONNECTIONS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final Path file;
    private final UnitBinding<SqliteUnit> binding = new UnitBinding<>(NAME);
    private final ReentrantLock writers = new ReentrantLock(true);
    private final Connection writer;
    private final ReadConnections readers;
    private final StorePorts ports;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Opens the storage on a file, creating the file and its tables when they do not exist.
     *
     * @param file the SQLite database file; its directory must exist
     * @throws AdapterException when the file cannot be opened or holds another schema
     */
    public VendorStorage(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.writer = openWriter();
        ScheduleVersions versions;
        try {
            versions = new ScheduleVersions(prepare(writer));
        } catch (SQLException | RuntimeException e) {
            ReadConnections.closeQuietly(writer);
            throw e instanceof SQLException sql ? Sql.failed("opening the storage file", sql) : (RuntimeException) e;
        }
        this.readers = new ReadConnections(this::openReader, READ_CONNECTIONS);
        this.ports = StorePorts.builder()
                .add(ScheduleStore.class, new SqliteScheduleStore(binding, versions))
                .add(AppointmentStore.class, new SqliteAppointmentStore(binding))
                .add(ClaimStore.class, new SqliteClaimStore(binding))
                .add(HoldStore.class, new SqliteHoldStore(binding))
                .add(IdempotencyStore.class, new SqliteIdempotencyStore(binding))
                .add(OutboxStore.class, new SqliteOutboxStore(binding))
                .add(AuditStore.class, new SqliteAuditStore(binding))
                .build();
    }

    /**
     * The file this storage keeps its data in.
     *
     * @return the absolute path
     */
    public Path file() {
        return file;
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        SqliteUnit outer = binding.current();
        if (outer != null) {
            return nested(outer, false, work);
        }
        writers.lock();
        try {
            ensureOpen();
            begin(writer, "BEGIN IMMEDIATE");
            return run(SqliteUnit.outermost(ports, NAME, false, writer), work, "COMMIT");
        } finally {
            writers.unlock();
        }
    }

    @Override
    public <T> T read(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        SqliteUnit outer = binding.current();
        if (outer != null) {
            return nested(outer, true, work);
        }
        ensureOpen();
        Connection connection = readers.take();
        boolean broken = false;
        try {
            begin(connection, "BEGIN DEFERRED");
            return run(SqliteUnit.outermost(ports, NAME, true, connection), work, "ROLLBACK");
        } catch (AdapterException failure) {
            // The connection may be left inside a transaction: do not hand it to the next unit.
            broken = true;
            throw failure;
        } finally {
            readers.give(connection, broken);
        }
    }

    @Override
    public Set<Class<?>> stores() {
        return ports.ports();
    }

    @Override
    public String describe() {
        return NAME;
    }

    /** Closes the writing connection, after any running writing unit, and the read connections. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writers.lock();
        try {
            ReadConnections.closeQuietly(writer);
        } finally {
            writers.unlock();
        }
        readers.close();
    }

    @Override
    public String toString() {
        return "VendorStorage[" + file.getFileName() + "]";
    }

    /**
     * Runs the work in an outermost unit whose transaction has begun, and ends the transaction:
     * with {@code end} when the work returns, with a rollback when it throws, which then reaches the
     * caller unchanged.
     */
    private <T> T run(SqliteUnit unit, TransactionWork<T> work, String end) {
        Connection connection = unit.connection();
        binding.set(unit);
        T result;
        try {
            result = work.run(unit);
        } catch (Throwable failure) {
            unit.end();
            binding.set(null);
            rollback(connection, failure);
            throw failure;
        }
        unit.end();
        binding.set(null);
        try {
            Sql.execute(connection, end);
        } catch (SQLException e) {
            AdapterException failure = new AdapterException(NAME + ": " + end + " of a unit failed (SQLite error "
                    + e.getErrorCode() + "); whether its writes were committed is not known", e);
            rollback(connection, failure);
            throw failure;
        }
        return result;
    }

    private <T> T nested(SqliteUnit outer, boolean readOnly, TransactionWork<T> work) {
        SqliteUnit unit = SqliteUnit.nestedIn(outer, readOnly);
        Connection connection = unit.connection();
        boolean savepoint = !unit.readOnly();
        if (savepoint) {
            execute(connection, "SAVEPOINT nested", "starting a nested unit");
        }
        binding.set(unit);
        try {
            T result = work.run(unit);
            if (savepoint) {
                execute(connection, "RELEASE nested", "ending a nested unit");
            }
            return result;
        } catch (Throwable failure) {
            if (savepoint) {
                try {
                    Sql.execute(connection, "ROLLBACK TO nested");
                    Sql.execute(connection, "RELEASE nested");
                } catch (SQLException e) {
                    failure.addSuppressed(Sql.failed("rolling back a nested unit", e));
                }
            }
            throw failure;
        } finally {
            unit.end();
            binding.set(outer);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(NAME + " storage used after close()");
        }
    }

    private static void begin(Connection connection, String begin) {
        execute(connection, begin, "beginning a unit");
    }

    private static void execute(Connection connection, String sql, String what) {
        try {
            Sql.execute(connection, sql);
        } catch (SQLException e) {
            throw Sql.failed(what, e);
        }
    }

    /** Rolls back after a failure; a rollback that fails too is added to the failure, never replaces it. */
    private static void rollback(Connection connection, Throwable failure) {
        try {
            Sql.execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(Sql.failed("rolling back a unit", e));
        }
    }

    private Connection openWriter() {
        try {
            Connection connection = open();
            try {
                Sql.execute(connection, "PRAGMA journal_mode = WAL");
                return connection;
            } catch (SQLException e) {
                ReadConnections.closeQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.failed("opening the storage file", e);
        }
    }

    private Connection openReader() throws SQLException {
        Connection connection = open();
        try {
            Sql.execute(connection, "PRAGMA query_only = true");
            return connection;
        } catch (SQLException e) {
            ReadConnections.closeQuietly(connection);
            throw e;
        }
    }

    private Connection open() throws SQLException {
        Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
        if (connection == null) {
            throw new SQLException("the SQLite driver did not accept the file");
        }
        try {
            Sql.execute(connection, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            Sql.execute(connection, "PRAGMA synchronous = FULL");
            return connection;
        } catch (SQLException e) {
            ReadConnections.closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Creates the tables when the file is new, checks the schema version and counts this opening
     * as a new incarnation, for {@link ScheduleVersions}.
     *
     * @return the new incarnation
     */
    private static long prepare(Connection connection) throws SQLException {
        Sql.execute(connection, "BEGIN IMMEDIATE");
        try {
            for (String statement : Schema.TABLES) {
                Sql.execute(connection, statement);
            }
            long schema = Sql.one(connection, "reading the schema version", "SELECT value FROM meta WHERE name = 'schema'",
                    row -> row.getLong(1)).orElse(0L);
            if (schema != Schema.VERSION) {
                throw new AdapterException(NAME + ": the file holds schema version " + schema + ", this code reads "
                        + Schema.VERSION);
            }
            Sql.update(connection, "counting an incarnation",
                    "UPDATE meta SET value = value + 1 WHERE name = 'incarnation'");
            long incarnation = Sql.one(connection, "reading the incarnation",
                    "SELECT value FROM meta WHERE name = 'incarnation'", row -> row.getLong(1)).orElseThrow();
            Sql.execute(connection, "COMMIT");
            return incarnation;
        } catch (SQLException | RuntimeException e) {
            try {
                Sql.execute(connection, "ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }
}
