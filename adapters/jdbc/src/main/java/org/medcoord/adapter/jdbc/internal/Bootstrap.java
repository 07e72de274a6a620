package org.medcoord.adapter.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.medcoord.api.common.AdapterException;

/**
 * Opens a storage: checks that the database can be reached and written, starts the pool and brings
 * the schema up to date with Flyway. Every failure becomes one {@link AdapterException} whose
 * message names the setting or the file and says what to do, with no SQL and no stack trace
 * needed to understand it.
 */
public final class Bootstrap {
    /** Flyway's history table, named so it never collides with a host's own Flyway table. */
    static final String HISTORY_TABLE = "medcoord_schema_history";
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final Set<String> PRIVILEGE_STATES = Set.of("58P01", "0A000", "42501", "42704");

    private Bootstrap() {
    }

    /**
     * Opens the database and migrates the schema.
     *
     * @param jdbcUrl the URL, already validated
     * @param user the user
     * @param password the password
     * @param poolSize the pool size
     * @param schema the schema
     * @return the engine that runs units of work
     * @throws AdapterException when the database cannot be reached, written or migrated
     */
    public static Engine open(String jdbcUrl, String user, String password, int poolSize, String schema) {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (dialect == null) {
            throw new IllegalArgumentException("unsupported JDBC URL");
        }
        String url = dialect == Dialect.H2 ? Urls.withH2Defaults(jdbcUrl) : jdbcUrl;
        String where = "jdbcUrl=" + Urls.redact(jdbcUrl) + " (user " + user + ")";
        // One connection straight from the driver first: its failure is reported here, in words,
        // instead of by the pool's own error log with a stack trace; for H2 it also keeps the file
        // open until the pool has taken over.
        try (Connection probe = connect(dialect, url, user, password, where)) {
            if (dialect == Dialect.H2) {
                checkWritable(probe, jdbcUrl, where);
            }
            HikariDataSource pool = pool(dialect, url, user, password, poolSize);
            try {
                migrate(pool, dialect, schema, where);
                return new Engine(pool, dialect, schema, Urls.describe(dialect, jdbcUrl, user, schema),
                        dialect == Dialect.H2 ? Path.of(Urls.h2File(jdbcUrl)) : null);
            } catch (RuntimeException | Error e) {
                pool.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new AdapterException("cannot use the database at " + where + ": " + SqlFailures.describe(e),
                    DatabaseError.of(e));
        }
    }

    private static Connection connect(Dialect dialect, String url, String user, String password, String where) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        try {
            Driver driver = dialect == Dialect.H2 ? new org.h2.Driver() : new org.postgresql.Driver();
            Connection connection = driver.connect(url, properties);
            if (connection == null) {
                throw new AdapterException("cannot connect to the database at " + where + ": the driver does not accept "
                        + "the URL", null);
            }
            return connection;
        } catch (SQLException e) {
            throw new AdapterException("cannot connect to the database at " + where + ": " + reason(e, dialect, url),
                    DatabaseError.of(e));
        }
    }

    /** Why a connection failed, in a few words a desk operator can act on. */
    static String reason(SQLException e, Dialect dialect, String url) {
        String state = SqlFailures.state(e);
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused (is the server running and the host and port right?)";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "connection timed out";
            }
        }
        if ("28P01".equals(state) || "28000".equals(state)) {
            return "authentication failed (wrong user or password)";
        }
        if ("3D000".equals(state)) {
            return "the database does not exist";
        }
        if (dialect == Dialect.H2) {
            String file = Urls.h2File(url);
            switch (e.getErrorCode()) {
                case 90020:
                    return "the database file " + file + " is in use by another process";
                case 90030:
                    return "the database file " + file + " is corrupted";
                case 90048:
                    return "the database file " + file + " was written by an unsupported H2 version";
                case 90028:
                case 90031:
                    return "the database file " + file + " cannot be opened or created (check the directory exists "
                            + "and is writable)";
                case 90146:
                    return "the database file " + file + " does not exist";
                default:
                    break;
            }
        }
        return SqlFailures.describe(e);
    }

    /**
     * H2 opens a file it may not write read-only (and so does {@code ACCESS_MODE_DATA=r}); MedCoord
     * must write, so that is refused at once, naming the file.
     */
    private static void checkWritable(Connection probe, String jdbcUrl, String where) throws SQLException {
        if (probe.isReadOnly()) {
            throw new AdapterException("cannot write to the database file " + Urls.h2File(jdbcUrl) + " (" + where
                    + "): it is read-only (file permissions, or ACCESS_MODE_DATA=r); MedCoord needs to write to it",
                    null);
        }
    }

    private static HikariDataSource pool(Dialect dialect, String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("medcoord-" + dialect.name().toLowerCase(Locale.ROOT) + "-" + POOLS.incrementAndGet());
        config.setDriverClassName(dialect.driverClass());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(poolSize, 2));
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // The probe has just connected; the pool fills in the background and never logs a start-up
        // failure of its own.
        config.setInitializationFailTimeout(-1);
        if (dialect == Dialect.POSTGRESQL) {
            config.addDataSourceProperty("ApplicationName", "medcoord");
        }
        return new HikariDataSource(config);
    }

    private static void migrate(HikariDataSource pool, Dialect dialect, String schema, String where) {
        Flyway flyway = Flyway.configure(Bootstrap.class.getClassLoader())
                .dataSource(pool)
                .locations(dialect.migrations())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .loggers("slf4j")
                .load();
        try {
            refuseNewerSchema(flyway.info(), schema, where);
            flyway.migrate();
        } catch (FlywayException e) {
            throw migrationFailure(e, schema, where);
        }
    }

    /**
     * A database migrated by a later MedCoord has migrations this one does not know; Flyway would
     * ignore them and carry on against a schema it does not understand.
     */
    private static void refuseNewerSchema(MigrationInfoService info, String schema, String where) {
        MigrationVersion known = null;
        MigrationVersion applied = null;
        for (MigrationInfo migration : info.all()) {
            MigrationVersion version = migration.getVersion();
            if (version == null) {
                continue;
            }
            if (migration.getState().isResolved() && (known == null || version.compareTo(known) > 0)) {
                known = version;
            }
            if (migration.getState().isApplied() && (applied == null || version.compareTo(applied) > 0)) {
                applied = version;
            }
        }
        if (applied != null && (known == null || applied.compareTo(known) > 0)) {
            throw new AdapterException("database schema version " + applied.getVersion() + " is newer than this MedCoord ("
                    + (known == null ? "none" : known.getVersion()) + "); upgrade MedCoord (" + where + ", schema "
                    + schema + ")", null);
        }
    }

    private static AdapterException migrationFailure(FlywayException e, String schema, String where) {
        SQLException sql = SqlFailures.sqlException(e);
        if (sql == null) {
            return new AdapterException("the MedCoord schema " + schema + " at " + where + " does not match this "
                    + "MedCoord's migrations (Flyway " + e.getClass().getSimpleName() + "); was it changed by hand?",
                    DatabaseError.of(e));
        }
        String state = SqlFailures.state(sql);
        String hint = state != null && PRIVILEGE_STATES.contains(state)
                ? "; the user needs the right to create the schema " + schema + " (or to create tables in it) and, on "
                        + "PostgreSQL, the btree_gist extension: installed with the server's contrib package, and "
                        + "created by the database owner or an administrator (CREATE EXTENSION btree_gist)"
                : "";
        return new AdapterException("cannot install or upgrade the MedCoord schema " + schema + " at " + where + ": "
                + SqlFailures.describe(sql) + hint, DatabaseError.of(sql));
    }
}
