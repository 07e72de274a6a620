package org.medcoord.adapter.jdbc.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.medcoord.api.common.AdapterException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns driver exceptions into MedCoord exceptions whose messages say what failed and why in
 * general terms (the SQLState class and, on PostgreSQL, the constraint name) but never carry the
 * SQL text or the database's DETAIL line, which repeats the conflicting values.
 */
public final class SqlFailures {
    /** PostgreSQL: a row conflicts with another under an exclusion constraint. */
    static final String EXCLUSION_VIOLATION = "23P01";
    /** Unique or primary key violation, on both databases. */
    static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> LOST_RACE = Set.of(EXCLUSION_VIOLATION, "40001", "40P01");
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("08", "the connection to the database failed"),
            Map.entry("22", "the database refused a value (data exception)"),
            Map.entry("23", "the database refused the change (integrity constraint violation)"),
            Map.entry("25", "the transaction was in the wrong state"),
            Map.entry("28", "the database refused the credentials"),
            Map.entry("3D", "the database does not exist"),
            Map.entry("40", "the database rolled the transaction back"),
            Map.entry("42", "the database refused the statement (missing table or privilege; is the schema current?)"),
            Map.entry("53", "the database ran out of resources"),
            Map.entry("54", "a database limit was exceeded"),
            Map.entry("55", "a database object was not available (lock not available?)"),
            Map.entry("57", "the database cancelled the statement or is shutting down"),
            Map.entry("58", "the database had a system error"),
            Map.entry("HY", "the statement timed out"),
            Map.entry("90", "the database reported an error"),
            Map.entry("XX", "the database had an internal error"));

    private SqlFailures() {
    }

    /**
     * An adapter failure for a driver exception.
     *
     * @param failure the driver exception
     * @param action what was being done, for example {@code insert appointment a-1}; ids only
     * @return the exception to throw, with a sanitized cause
     */
    public static AdapterException translate(Throwable failure, String action) {
        return new AdapterException("storage could not " + action + ": " + describe(failure), DatabaseError.of(failure));
    }

    /**
     * What went wrong, in words and codes that carry no data: the SQLState class, the SQLState
     * and, on PostgreSQL, the constraint involved.
     *
     * @param failure the failure
     * @return the description
     */
    public static String describe(Throwable failure) {
        SQLException sql = sqlException(failure);
        if (sql == null) {
            return failure.getClass().getSimpleName();
        }
        String state = state(sql);
        if (state == null) {
            return "driver error " + sql.getClass().getSimpleName() + " (no SQLState)";
        }
        String category = CLASSES.getOrDefault(state.length() >= 2 ? state.substring(0, 2) : state,
                "the database reported an error");
        StringBuilder text = new StringBuilder(category).append(" (SQLState ").append(state);
        String constraint = constraint(sql);
        if (constraint != null) {
            text.append(", constraint ").append(constraint);
        }
        return text.append(')').toString();
    }

    /** Whether a failure is a unique or primary key violation. */
    static boolean isUniqueViolation(SQLException failure) {
        return UNIQUE_VIOLATION.equals(state(failure));
    }

    /**
     * Whether a failure means another transaction won a race for the same time: an exclusion
     * constraint violation, a serialization failure or a deadlock.
     */
    static boolean isLostRace(SQLException failure) {
        return LOST_RACE.contains(state(failure));
    }

    /** The first SQLException in a chain of causes, or null. */
    static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The SQLState, looking through batch wrappers to the exception that carries one. */
    static String state(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        Throwable cause = failure.getCause();
        return cause instanceof SQLException sql && sql != failure ? state(sql) : null;
    }

    /** The constraint PostgreSQL names, a schema object and never data; null elsewhere. */
    static String constraint(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                if (server != null && server.getConstraint() != null) {
                    return server.getConstraint();
                }
            }
        }
        return null;
    }
}
