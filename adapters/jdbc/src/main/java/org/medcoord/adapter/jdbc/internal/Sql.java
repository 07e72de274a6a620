package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.CoordinatorException;

/** Running a statement with its parameters and reading rows, with every failure translated. */
final class Sql {
    private Sql() {
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, Binder binder, Row<T> row, String action) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(readRow(rows, row, action));
                }
                return found;
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e, action);
        }
    }

    static <T> Optional<T> one(Connection connection, String sql, Binder binder, Row<T> row, String action) {
        List<T> found = list(connection, sql, binder, row, action);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static int update(Connection connection, String sql, Binder binder, String action) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.translate(e, action);
        }
    }

    /**
     * Reads one row; stored data that no longer decodes into a valid record is an adapter failure
     * that names the action, never the data.
     */
    static <T> T readRow(ResultSet rows, Row<T> row, String action) throws SQLException {
        try {
            return row.read(rows);
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException
                 | CoordinatorException e) {
            throw new AdapterException("storage could not " + action + ": a stored row does not decode ("
                    + e.getClass().getSimpleName() + ")", null);
        }
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
