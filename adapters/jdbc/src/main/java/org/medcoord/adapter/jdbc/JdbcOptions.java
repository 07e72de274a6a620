package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.medcoord.adapter.jdbc.internal.Dialect;
import org.medcoord.adapter.jdbc.internal.Urls;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.Violations;

/**
 * Where and how {@link JdbcStorage} keeps its data: a JDBC URL, credentials, a pool size and a
 * schema. Validated when created; every problem is reported at once in an
 * {@link InvalidRequestException} naming the setting (for example
 * {@code poolSize: must be between 1 and 64}). The password never appears in {@link #toString()}
 * or in any message, and password parameters inside the URL are shown as {@code ***}.
 *
 * <h2>Embedded H2 file ({@link #embedded})</h2>
 * No server to install; one process at a time. The URL carries
 * {@code WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0} (and {@link JdbcStorage} adds these
 * settings to any other H2 URL that leaves them out):
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: H2 writes each commit to the database file before the commit
 *       returns. With H2's default (a delay of up to half a second) commits are only buffered:
 *       a process killed with SIGKILL was seen to lose about 2,000 of 630,000 acknowledged
 *       commits; with {@code WRITE_DELAY=0} it lost none.</li>
 *   <li>{@code LOCK_TIMEOUT=10000}: a unit waits up to ten seconds for a row another unit has
 *       locked (claims lock their resources) before failing, instead of H2's short default.</li>
 *   <li>{@code QUERY_CACHE_SIZE=64}: every statement the storage prepares stays parsed.</li>
 *   <li>{@code TRACE_LEVEL_FILE=0}: H2 keeps no trace file of its own next to the database. Errors
 *       reach the host as MedCoord exceptions; a trace file could hold SQL with patient values,
 *       and when it cannot be written H2 prints a stack trace to standard error.</li>
 * </ul>
 * <b>What is guaranteed.</b> A unit of work that has returned from {@code inTransaction} survives
 * the end of the process however it ends: normal exit, exception, {@code kill -9}, JVM crash or
 * out-of-memory kill, since the commit is already in the operating system's file cache. <b>What is
 * not.</b> H2 does not call {@code fsync} for each commit, so a power failure, kernel crash or
 * virtual-machine reset can lose the commits of roughly the last second (those the operating
 * system had not yet written to disk). The file itself is designed to recover to its last complete
 * write. Deployments that must survive power loss without losing a confirmed booking should use
 * PostgreSQL with {@code synchronous_commit=on} (its default), or storage with a battery-backed
 * write cache.
 *
 * <h2>PostgreSQL ({@link #postgres})</h2>
 * For several application nodes sharing one database. Needs PostgreSQL 13 or later with the
 * {@code btree_gist} extension available (it ships with PostgreSQL's contrib package; the
 * migration runs {@code CREATE EXTENSION IF NOT EXISTS btree_gist}, which the database owner may
 * run since PostgreSQL 13).
 *
 * @param jdbcUrl {@code jdbc:h2:file:<path>[;settings]} or {@code jdbc:postgresql://host[:port]/db[?options]}
 * @param user the database user
 * @param password the password, possibly empty; never printed
 * @param poolSize connections in the pool, 1 to 64
 * @param schema the schema that holds MedCoord's tables: a lower-case SQL identifier, created when
 *     missing
 * @since 0.1
 */
public record JdbcOptions(String jdbcUrl, String user, String password, int poolSize, String schema) {
    /** The schema used unless another is chosen. */
    public static final String DEFAULT_SCHEMA = "medcoord";
    /** The user of the embedded database file. */
    public static final String EMBEDDED_USER = "medcoord";
    /** The default pool size for an H2 file. */
    public static final int DEFAULT_H2_POOL_SIZE = 4;
    /** The default pool size for PostgreSQL. */
    public static final int DEFAULT_POSTGRES_POOL_SIZE = 8;
    /** The largest pool allowed. */
    public static final int MAX_POOL_SIZE = 64;

    /** System property with the JDBC URL, read by {@link #fromSystemProperties()}. */
    public static final String URL_PROPERTY = "medcoord.jdbc.url";
    /** System property with the user, read by {@link #fromSystemProperties()}. */
    public static final String USER_PROPERTY = "medcoord.jdbc.user";
    /** System property with the password, read by {@link #fromSystemProperties()}. */
    public static final String PASSWORD_PROPERTY = "medcoord.jdbc.password";
    /** System property with the pool size, read by {@link #fromSystemProperties()}. */
    public static final String POOL_SIZE_PROPERTY = "medcoord.jdbc.poolSize";
    /** System property with the schema, read by {@link #fromSystemProperties()}. */
    public static final String SCHEMA_PROPERTY = "medcoord.jdbc.schema";

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * Checks every setting and reports all problems at once.
     *
     * @param jdbcUrl the URL
     * @param user the user
     * @param password the password
     * @param poolSize the pool size
     * @param schema the schema
     * @throws InvalidRequestException naming each bad setting
     */
    public JdbcOptions {
        Violations v = new Violations();
        if (v.notNull(jdbcUrl, "jdbcUrl")) {
            if (v.require(Dialect.of(jdbcUrl) != null, "jdbcUrl", "must start with " + Dialect.H2_FILE_PREFIX + " or "
                    + Dialect.POSTGRESQL_PREFIX)) {
                v.require(jdbcUrl.length() > prefixLength(jdbcUrl) && !Character.isWhitespace(jdbcUrl.charAt(
                        prefixLength(jdbcUrl))), "jdbcUrl", "must name a database file or server after the prefix");
                v.require(jdbcUrl.chars().noneMatch(Character::isISOControl), "jdbcUrl",
                        "must not contain control characters");
                v.require(Dialect.of(jdbcUrl) != Dialect.H2
                        || !jdbcUrl.toUpperCase(Locale.ROOT).replace(" ", "").contains(";AUTO_SERVER=TRUE"), "jdbcUrl",
                        "must not set AUTO_SERVER: an embedded file serves one process; use PostgreSQL for several");
            }
        }
        if (v.notNull(user, "user")) {
            v.require(user.length() <= 128 && user.chars().noneMatch(Character::isISOControl), "user",
                    "must be at most 128 characters without control characters");
            v.require(Dialect.of(jdbcUrl) != Dialect.POSTGRESQL || !user.isBlank(), "user",
                    "must not be blank for PostgreSQL");
        }
        v.notNull(password, "password");
        v.require(poolSize >= 1 && poolSize <= MAX_POOL_SIZE, "poolSize", "must be between 1 and " + MAX_POOL_SIZE);
        if (v.notNull(schema, "schema")) {
            v.require(SCHEMA.matcher(schema).matches(), "schema",
                    "must be a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters, not starting with a digit)");
        }
        v.throwIfAny();
    }

    /**
     * The embedded default: an H2 database in one file, with the durability settings described
     * above, user {@value #EMBEDDED_USER}, an empty password (the file is protected by the file
     * system, not by a password), {@value #DEFAULT_H2_POOL_SIZE} connections and schema
     * {@value #DEFAULT_SCHEMA}.
     *
     * @param file the database file; H2 adds {@code .mv.db}, which may also be given; relative paths
     *     are resolved against the working directory
     * @return the options
     * @throws InvalidRequestException when the path contains {@code ;}
     */
    public static JdbcOptions embedded(Path file) {
        Objects.requireNonNull(file, "file");
        String path = file.toAbsolutePath().normalize().toString();
        if (path.endsWith(".mv.db")) {
            path = path.substring(0, path.length() - ".mv.db".length());
        }
        if (path.indexOf(';') >= 0) {
            throw InvalidRequestException.of("file", "must not contain ';'");
        }
        return new JdbcOptions(Dialect.H2_FILE_PREFIX + path + Urls.H2_DEFAULTS, EMBEDDED_USER, "",
                DEFAULT_H2_POOL_SIZE, DEFAULT_SCHEMA);
    }

    /**
     * A PostgreSQL database, with {@value #DEFAULT_POSTGRES_POOL_SIZE} connections and schema
     * {@value #DEFAULT_SCHEMA}.
     *
     * @param url {@code jdbc:postgresql://host[:port]/database[?options]}
     * @param user the user
     * @param password the password
     * @return the options
     * @throws InvalidRequestException naming each bad setting
     */
    public static JdbcOptions postgres(String url, String user, String password) {
        return new JdbcOptions(url, user, password, DEFAULT_POSTGRES_POOL_SIZE, DEFAULT_SCHEMA);
    }

    /**
     * Options from the system properties {@value #URL_PROPERTY} (required),
     * {@value #USER_PROPERTY} (default {@value #EMBEDDED_USER}), {@value #PASSWORD_PROPERTY}
     * (default empty), {@value #POOL_SIZE_PROPERTY} (default by database) and
     * {@value #SCHEMA_PROPERTY} (default {@value #DEFAULT_SCHEMA}). This is how
     * {@link JdbcStoragePlugin} is configured when {@link java.util.ServiceLoader} creates it.
     *
     * @return the options
     * @throws InvalidRequestException naming each missing or bad property
     */
    public static JdbcOptions fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    static JdbcOptions fromProperties(Properties properties) {
        String url = properties.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw InvalidRequestException.of(URL_PROPERTY, "must be set to a " + Dialect.H2_FILE_PREFIX + " or "
                    + Dialect.POSTGRESQL_PREFIX + " URL");
        }
        url = url.strip();
        int defaultPool = Dialect.of(url) == Dialect.POSTGRESQL ? DEFAULT_POSTGRES_POOL_SIZE : DEFAULT_H2_POOL_SIZE;
        int poolSize = defaultPool;
        String pool = properties.getProperty(POOL_SIZE_PROPERTY);
        if (pool != null && !pool.isBlank()) {
            try {
                poolSize = Integer.parseInt(pool.strip());
            } catch (NumberFormatException e) {
                throw InvalidRequestException.of(POOL_SIZE_PROPERTY, "must be a whole number between 1 and " + MAX_POOL_SIZE);
            }
        }
        return new JdbcOptions(url, properties.getProperty(USER_PROPERTY, EMBEDDED_USER),
                properties.getProperty(PASSWORD_PROPERTY, ""), poolSize,
                properties.getProperty(SCHEMA_PROPERTY, DEFAULT_SCHEMA));
    }

    /**
     * The same options with another pool size.
     *
     * @param size connections in the pool, 1 to 64
     * @return the new options
     */
    public JdbcOptions withPoolSize(int size) {
        return new JdbcOptions(jdbcUrl, user, password, size, schema);
    }

    /**
     * The same options with another schema.
     *
     * @param name a lower-case SQL identifier
     * @return the new options
     */
    public JdbcOptions withSchema(String name) {
        return new JdbcOptions(jdbcUrl, user, password, poolSize, name);
    }

    /**
     * Whether these options name an embedded H2 file rather than a PostgreSQL server.
     *
     * @return {@code true} for {@code jdbc:h2:file:} URLs
     */
    public boolean isEmbedded() {
        return Dialect.of(jdbcUrl) == Dialect.H2;
    }

    /**
     * The options without the password: URL password parameters are shown as {@code ***} and the
     * password itself as {@code ***} when set.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "JdbcOptions[jdbcUrl=" + Urls.redact(jdbcUrl) + ", user=" + user + ", password="
                + (password.isEmpty() ? "(empty)" : "***") + ", poolSize=" + poolSize + ", schema=" + schema + "]";
    }

    private static int prefixLength(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith(Dialect.H2_FILE_PREFIX) ? Dialect.H2_FILE_PREFIX.length()
                : Dialect.POSTGRESQL_PREFIX.length();
    }
}
