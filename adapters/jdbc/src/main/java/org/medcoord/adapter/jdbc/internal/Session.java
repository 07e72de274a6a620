package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.medcoord.api.common.AdapterException;

/**
 * One JDBC transaction: the connection of an outermost unit of work, shared by the units nested in
 * it. Once the database has rolled the transaction back on its own (an H2 deadlock victim), the
 * session refuses further statements and the commit, so that later writes can never commit
 * without the earlier ones. On PostgreSQL some writes are held back ({@link Deferred}) and sent
 * with the unit's next read or with its commit; a finishing calendar read sends them, its own
 * queries and the {@code COMMIT} as one statement ({@link #readAndCommit}).
 */
final class Session {
    private final Connection connection;
    private final boolean defers;
    private final List<Deferred> deferred = new ArrayList<>();
    private String rolledBackBecause;
    private boolean finished;

    /** Reads a finishing read's results from its statement, positioned at the read's first result. */
    @FunctionalInterface
    interface Results<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    /** A read sent together with the writes held back. */
    private record Read<T>(String sql, Deferred.Binder binder, Results<T> results) {
    }

    Session(Connection connection, boolean defers) {
        this.connection = connection;
        this.defers = defers;
    }

    /** Whether writes that allow it are held back until the next read or the commit. */
    boolean defers() {
        return defers;
    }

    /** Holds a write back; see {@link Deferred}. */
    void defer(Deferred write) {
        connection();
        // One held-back write per constraint, so that a violation names the write that failed.
        for (Deferred earlier : deferred) {
            if (earlier.constraint().equals(write.constraint())) {
                flush();
                break;
            }
        }
        deferred.add(write);
    }

    /**
     * Sends the writes held back, in one round trip, before anything that could observe them or
     * depend on their order: a read, another write, a savepoint.
     */
    void flush() {
        if (deferred.isEmpty()) {
            return;
        }
        String action = actions(deferred);
        try {
            send(null, false);
        } catch (SQLException e) {
            throw SqlFailures.translate(e, action);
        }
    }

    /**
     * The unit made a finishing calendar read: it writes nothing more, so its stores refuse writes
     * from now on (before sending anything).
     */
    void finish() {
        finished = true;
    }

    /** Whether the unit made a finishing read; see {@link #finish}. */
    boolean finished() {
        return finished;
    }

    /**
     * Finishes the unit with one round trip: the writes held back, then a read, then
     * {@code COMMIT}, as one prepared statement. A held-back write that fails fails the whole
     * statement before the {@code COMMIT}, as at the unit's commit. Afterwards the driver's
     * transaction is idle: the unit's final commit sends nothing, and a later read in the unit
     * starts a new transaction of its own.
     *
     * @param sql the read's statements, separated by semicolons
     * @param binder sets their parameters, from a first index
     * @param results reads their results from the statement, positioned at the first of them
     * @param action what the read does, ids only, for failures
     * @return what {@code results} read
     */
    <T> T readAndCommit(String sql, Deferred.Binder binder, Results<T> results, String action) {
        finish();
        try {
            return send(new Read<>(sql, binder, results), true);
        } catch (SQLException e) {
            throw new AdapterException("storage could not " + action + " and commit the unit: "
                    + SqlFailures.describe(e) + "; if the connection was lost, the unit may or may not have been saved",
                    DatabaseError.of(e));
        }
    }

    /** Commits, sending the writes held back together with the {@code COMMIT}. */
    void commit() throws SQLException {
        if (!deferred.isEmpty()) {
            send(null, true);
        }
        // After a COMMIT sent with the writes the driver's transaction is idle and this sends
        // nothing; it also tells the pool that the connection has nothing left to roll back.
        connection.commit();
    }

    /**
     * Sends the writes held back, then the read if there is one, then the {@code COMMIT} if asked;
     * a duplicate key becomes the write's own conflict, any other failure is left to the caller
     * (at the commit it may have come from the commit itself).
     *
     * @return what the read read, or null without one
     */
    private <T> T send(Read<T> read, boolean commit) throws SQLException {
        List<Deferred> writes = List.copyOf(deferred);
        deferred.clear();
        StringBuilder sql = new StringBuilder();
        for (Deferred write : writes) {
            sql.append(write.sql()).append(";\n");
        }
        if (read != null) {
            sql.append(read.sql()).append(";\n");
        }
        if (commit) {
            sql.append("COMMIT");
        }
        try (PreparedStatement statement = connection().prepareStatement(sql.toString())) {
            int first = 1;
            for (Deferred write : writes) {
                write.binder().bind(statement, first);
                first += write.parameters();
            }
            if (read == null) {
                statement.execute();
                return null;
            }
            read.binder().bind(statement, first);
            statement.execute();
            // Past the writes' results (update counts) to the read's first result.
            for (int i = 0; i < writes.size(); i++) {
                statement.getMoreResults();
            }
            return read.results().read(statement);
        } catch (SQLException e) {
            String constraint = SqlFailures.constraint(e);
            for (Deferred write : writes) {
                if (SqlFailures.isUniqueViolation(e) && write.constraint().equals(constraint)) {
                    throw write.conflict().get();
                }
            }
            String state = SqlFailures.state(e);
            if (state != null && state.startsWith("23")) {
                // An integrity violation comes from a write, never from the COMMIT (no constraint is
                // deferred): the unit is known not to be saved.
                throw SqlFailures.translate(e, actions(writes));
            }
            throw e;
        }
    }

    private static String actions(List<Deferred> writes) {
        return writes.size() == 1 ? writes.get(0).action()
                : writes.get(0).action() + " and " + (writes.size() - 1) + " more held-back writes";
    }

    /** The connection, unless the database has already rolled the transaction back. */
    Connection connection() {
        if (rolledBackBecause != null) {
            throw new AdapterException("storage unit can no longer be used: the database rolled it back ("
                    + rolledBackBecause + "); nothing it wrote was saved", null);
        }
        return connection;
    }

    Connection raw() {
        return connection;
    }

    /** Marks the transaction as rolled back by the database. */
    void rolledBack(String because) {
        if (rolledBackBecause == null) {
            rolledBackBecause = because;
        }
    }

    /** Why the database rolled the transaction back, or null. */
    String rolledBackBecause() {
        return rolledBackBecause;
    }

    Savepoint savepoint() {
        flush();
        try {
            return connection().setSavepoint();
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "start a nested unit (savepoint)");
        }
    }

    /** Undoes a nested unit's writes; a failure to do so is attached to the unit's own failure. */
    void rollbackTo(Savepoint savepoint, Throwable failure) {
        // Everything held back was written inside the nested unit: the savepoint flushed the rest.
        deferred.clear();
        if (rolledBackBecause != null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(SqlFailures.translate(e, "roll back a nested unit"));
        }
    }
}
