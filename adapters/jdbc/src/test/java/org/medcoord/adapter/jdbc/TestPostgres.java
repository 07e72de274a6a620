package org.medcoord.adapter.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One embedded PostgreSQL 14 server for the whole test JVM, started on first use and stopped when
 * the JVM exits. Every test gets a database of its own ({@code CREATE DATABASE t_<n>}, about 20 ms);
 * databases of earlier tests are dropped as new ones are made, so the cluster stays small.
 *
 * <p>The superuser {@value #SUPERUSER} connects without a password; the role {@value #APP_USER}
 * must give {@value #APP_PASSWORD} (scram-sha-256), so wrong-password errors can be tested. The
 * server runs without fsync: these tests check behaviour, not durability.
 */
final class TestPostgres {
    static final String SUPERUSER = "postgres";
    static final String APP_USER = "medcoord_app";
    static final String APP_PASSWORD = "app-Secret-7731";

    private static EmbeddedPostgres server;
    private static int databases;
    private static final List<String> STALE = new ArrayList<>();

    private TestPostgres() {
    }

    /** A new, empty database reached as the superuser, with a small pool. */
    static synchronized JdbcOptions freshDatabase() {
        return JdbcOptions.postgres(url(createDatabase(SUPERUSER)), SUPERUSER, "").withPoolSize(4);
    }

    /** Creates a database owned by {@code owner} and returns its name. */
    static synchronized String createDatabase(String owner) {
        EmbeddedPostgres pg = server();
        String name = "t_" + (++databases);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            for (String old : STALE) {
                s.execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
            STALE.clear();
            s.execute("CREATE DATABASE " + name + " OWNER " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on port " + pg.getPort(), e);
        }
        STALE.add(name);
        return name;
    }

    static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** A superuser connection to a database, in auto-commit mode. */
    static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), SUPERUSER, "");
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .setDataDirectoryCustomizer(dir -> {
                            try {
                                Files.writeString(dir.toPath().resolve("pg_hba.conf"), String.join("\n",
                                        "local all all trust",
                                        "host all " + SUPERUSER + " 127.0.0.1/32 trust",
                                        "host all " + SUPERUSER + " ::1/128 trust",
                                        "host all all 127.0.0.1/32 scram-sha-256",
                                        "host all all ::1/128 scram-sha-256", ""));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .start();
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort()
                        + "/postgres", SUPERUSER, ""); Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            } catch (SQLException e) {
                throw new IllegalStateException("embedded PostgreSQL could not be set up", e);
            }
        }
        return server;
    }
}
