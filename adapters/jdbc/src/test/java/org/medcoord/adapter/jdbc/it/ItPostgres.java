package org.medcoord.adapter.jdbc.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.medcoord.adapter.jdbc.JdbcOptions;

/**
 * One embedded PostgreSQL server for all integration tests of a test JVM, started on first use
 * and stopped when the JVM exits. Each test gets a database of its own, so tests never see each
 * other's rows and need no clean-up.
 */
final class ItPostgres {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private ItPostgres() {
    }

    /** Creates an empty database and returns the options that reach it. */
    static JdbcOptions newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return JdbcOptions.postgres(server().getJdbcUrl(USER, name), USER, PASSWORD);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }
}
