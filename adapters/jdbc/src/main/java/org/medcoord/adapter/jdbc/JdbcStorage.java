package org.medcoord.adapter.jdbc;

import java.util.Objects;
import org.medcoord.adapter.jdbc.internal.Bootstrap;
import org.medcoord.adapter.jdbc.internal.Engine;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.TransactionWork;

/**
 * Durable, transactional storage over JDBC: an H2 file for one process, or PostgreSQL shared by
 * several application nodes. Plain JDBC on a HikariCP pool; the schema is created and upgraded by
 * Flyway migrations shipped in this jar ({@code db/medcoord/h2} and {@code db/medcoord/postgresql})
 * when the storage opens.
 *
 * <p><b>Units of work.</b> {@link #inTransaction} runs the work in one JDBC transaction on one
 * pooled connection, at read-committed isolation: when the work returns the transaction commits;
 * when it throws anything (exception or error) the transaction rolls back and the very same
 * throwable is rethrown. {@link #read} runs the work in a read-only transaction with a consistent
 * snapshot (repeatable read), and rolls it back afterwards. Stores refuse writes inside
 * {@code read} with {@link IllegalStateException}.
 *
 * <p><b>Nesting.</b> A unit started from inside another on the same thread joins the outer
 * transaction instead of taking a second connection: its writes commit only with the outermost
 * unit. A nested {@code inTransaction} runs behind a savepoint, so if it throws, only its own
 * writes are undone before the exception propagates and an outer unit that catches it carries on.
 * A nested {@code read} sees the outer unit's uncommitted writes. {@code inTransaction} inside
 * {@code read} throws {@link IllegalStateException}.
 *
 * <p><b>Finishing reads.</b> After a {@linkplain org.medcoord.spi.storage.CalendarQuery#finishing()
 * finishing} calendar read in an outermost {@code inTransaction} unit, the unit's stores refuse
 * writes with {@link IllegalStateException}, before sending anything. On PostgreSQL the read
 * commits the unit: the writes held back, the read's queries and {@code COMMIT} go to the server
 * as one statement, one round trip, and the unit's writes stay even if the work throws afterwards;
 * later reads in the unit run in a new transaction and may see newer data. On H2 (no round trips
 * to save) nothing is committed early: the unit commits or rolls back as a whole when the work
 * ends.
 *
 * <p><b>Confinement.</b> The transaction handed to the work, and the stores it returns, work only on
 * the thread running the unit and only while it runs. Work must not wait for another thread that
 * uses the same storage while it holds its connection (the pool may be exhausted).
 *
 * <p><b>No double booking.</b> {@code ClaimStore.claimAll} keeps every resource within its capacity
 * across connections and processes: on PostgreSQL an exclusion constraint
 * ({@code EXCLUDE USING gist (resource_id WITH =, int8range(start_ns, end_ns) WITH &&)}) guards capacity-1 resources, and
 * resources of higher capacity are locked in a fixed order; on H2 every claimed resource is locked
 * in a fixed order. A lost race, including a deadlock or serialization failure, comes back as a
 * {@code ClaimConflict}, never as an exception.
 *
 * <p><b>Errors.</b> Driver failures become {@link org.medcoord.api.common.AdapterException} (or
 * {@link org.medcoord.api.common.ConflictException} with the store's code for duplicate keys).
 * Messages name the operation, ids and the SQLState class, never the SQL text or the database's
 * DETAIL line, which repeats the values involved and may be patient data; the attached cause keeps
 * only the SQLState, vendor code and stack trace.
 *
 * <p>Thread safe. {@link #close} is idempotent; afterwards new units throw
 * {@link IllegalStateException}.
 *
 * @since 0.1
 */
public final class JdbcStorage implements Storage {
    private final Engine engine;

    private JdbcStorage(Engine engine) {
        this.engine = engine;
    }

    /**
     * Opens a storage: connects, checks the database can be written, starts the pool and migrates
     * the schema.
     *
     * @param options where the data lives
     * @return the open storage
     * @throws org.medcoord.api.common.AdapterException with a message naming the setting and the
     *     problem when the database cannot be reached (wrong URL, host or password), the H2 file is
     *     read-only, or the schema was written by a newer MedCoord ("database schema version N is
     *     newer than this MedCoord (M); upgrade MedCoord")
     */
    public static JdbcStorage open(JdbcOptions options) {
        Objects.requireNonNull(options, "options");
        return new JdbcStorage(Bootstrap.open(options.jdbcUrl(), options.user(), options.password(),
                options.poolSize(), options.schema()));
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        return engine.inTransaction(work);
    }

    @Override
    public <T> T read(TransactionWork<T> work) {
        return engine.read(work);
    }

    /**
     * Every store port of this version of the SPI.
     *
     * @return the ports
     */
    @Override
    public java.util.Set<Class<?>> stores() {
        return engine.ports();
    }

    /**
     * Where the data lives, without credentials.
     *
     * @return for example {@code jdbc:h2 file /var/lib/clinic/medcoord (schema medcoord)} or
     *     {@code postgresql //db.example:5432/medcoord (user medcoord, schema medcoord)}
     */
    @Override
    public String describe() {
        return engine.describe();
    }

    /** Closes the connection pool (and with it an H2 file). Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + describe() + "]";
    }
}
