package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.InvalidRequestException;

/**
 * Small JDBC helpers: run a statement with parameters, map rows, and turn every {@link SQLException}
 * into an {@link AdapterException} whose message names what was being done and record ids only
 * (parameters are never copied into messages: a patient id is a parameter of some reads).
 */
final class Sql {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Sql() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String what, String sql, Row<T> row, Object... parameters) {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(row.map(rows));
            }
            return found;
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    static <T> Optional<T> one(Connection connection, String what, String sql, Row<T> row, Object... parameters) {
        List<T> found = list(connection, what, sql, row, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static int update(Connection connection, String what, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Runs a statement without parameters, such as {@code BEGIN IMMEDIATE} or DDL. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static AdapterException failed(String what, SQLException cause) {
        return new AdapterException("vendor-sqlite: " + what + " failed (SQLite error " + cause.getErrorCode() + ")",
                cause);
    }

    /** {@code ?, ?, ?} for an IN list of the given size, at least one. */
    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The parameters of a statement: some fixed ones, then a collection (for an IN list), then more. */
    static Object[] parameters(Collection<?> in, Object... after) {
        Object[] all = new Object[in.size() + after.length];
        int i = 0;
        for (Object value : in) {
            all[i++] = value;
        }
        System.arraycopy(after, 0, all, i, after.length);
        return all;
    }

    /**
     * An instant stored in a column that is filtered or ordered on, as nanoseconds since the epoch:
     * exact for instants between the years 1677 and 2262, and refused outside them.
     */
    static long stored(String field, Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException outOfRange) {
            throw InvalidRequestException.of(field, "must be between the years 1677 and 2262 for this storage");
        }
    }

    /**
     * An instant that bounds a query, as nanoseconds since the epoch, saturated: every stored value
     * lies within the range, so a bound beyond it compares the same as the range's end.
     */
    static long bound(Instant instant) {
        if (instant.getEpochSecond() >= Long.MAX_VALUE / NANOS_PER_SECOND) {
            return Long.MAX_VALUE;
        }
        if (instant.getEpochSecond() <= Long.MIN_VALUE / NANOS_PER_SECOND) {
            return Long.MIN_VALUE;
        }
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value == null) {
                    statement.setNull(i + 1, java.sql.Types.NULL);
                } else if (value instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else if (value instanceof Boolean flag) {
                    statement.setInt(i + 1, flag ? 1 : 0);
                } else if (value instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else if (value instanceof String text) {
                    statement.setString(i + 1, text);
                } else {
                    throw new IllegalArgumentException("unsupported parameter type " + value.getClass().getSimpleName());
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
