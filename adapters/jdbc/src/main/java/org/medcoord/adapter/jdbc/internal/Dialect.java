package org.medcoord.adapter.jdbc.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What differs between the two databases: where the migrations live, how a row is inserted only
 * when its key is new, how a row is replaced, and whether the claims table has an exclusion
 * constraint.
 */
public enum Dialect {
    /** H2 2.x in a file: no exclusion constraints, so every claim locks its resource rows. */
    H2("h2", "org.h2.Driver", "VARCHAR"),
    /** PostgreSQL 13 or later, with the {@code btree_gist} extension. */
    POSTGRESQL("postgresql", "org.postgresql.Driver", "varchar");

    /** The URL prefix of an H2 file database. */
    public static final String H2_FILE_PREFIX = "jdbc:h2:file:";
    /** The URL prefix of a PostgreSQL database. */
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    private final String folder;
    private final String driverClass;
    private final String textArrayType;

    Dialect(String folder, String driverClass, String textArrayType) {
        this.folder = folder;
        this.driverClass = driverClass;
        this.textArrayType = textArrayType;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @param jdbcUrl the URL
     * @return the dialect, or {@code null} when MedCoord does not support the URL
     */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith(H2_FILE_PREFIX)) {
            return H2;
        }
        if (lower.startsWith(POSTGRESQL_PREFIX)) {
            return POSTGRESQL;
        }
        return null;
    }

    /** The Flyway location of this dialect's migrations. */
    String migrations() {
        return "classpath:db/medcoord/" + folder;
    }

    /** The JDBC driver class, named so that pools work where DriverManager discovery does not. */
    String driverClass() {
        return driverClass;
    }

    /** Whether claims on capacity-1 resources are also guarded by an exclusion constraint. */
    boolean hasExclusionConstraint() {
        return this == POSTGRESQL;
    }

    /**
     * H2: a table {@code t} with one column {@code id}, one row per element of the bound string
     * array (see {@link #textArray}). Joined on an indexed column, H2 seeks the index once per id,
     * where {@code column = ANY(?)} may scan a whole index.
     */
    static final String H2_ID_TABLE = "TABLE(id VARCHAR = ?) t";

    /** A SQL array of strings, for {@code = ANY(?)} or {@link #H2_ID_TABLE}. */
    Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf(textArrayType, values.toArray(new String[0]));
    }

    /**
     * An insert that adds nothing, instead of failing, when the key exists; the caller checks the
     * update count. PostgreSQL would otherwise abort the whole transaction on the duplicate. H2 has
     * no such clause but keeps its transaction usable after a failed statement, so there the
     * caller catches the unique violation instead.
     */
    String insertIfAbsent(String table, String key, String... columns) {
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + placeholders(columns.length) + ")";
        return this == POSTGRESQL ? insert + " ON CONFLICT (" + key + ") DO NOTHING" : insert;
    }

    /** Inserts a row or replaces the row with the same key. */
    String upsert(String table, String key, String... columns) {
        if (this == H2) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                    + placeholders(columns.length) + ")";
        }
        StringJoiner updates = new StringJoiner(", ");
        for (String column : columns) {
            if (!column.equals(key)) {
                updates.add(column + " = EXCLUDED." + column);
            }
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders(columns.length)
                + ") ON CONFLICT (" + key + ") DO UPDATE SET " + updates;
    }

    private static String placeholders(int count) {
        StringJoiner marks = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            marks.add("?");
        }
        return marks.toString();
    }
}
