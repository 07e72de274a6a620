package org.medcoord.adapter.jdbc.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs: secrets removed for messages, the H2 file named, MedCoord's H2 defaults added. */
public final class Urls {
    /**
     * Settings added to an H2 URL that does not set them itself: each commit written to the file
     * before it returns, a lock wait long enough for busy desks, and room to cache every statement
     * MedCoord prepares.
     */
    public static final String H2_DEFAULTS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0";

    private static final Pattern SECRET = Pattern.compile("(?i)([;?&][a-z_]*password[a-z_]*=)[^;&]*");

    private Urls() {
    }

    /**
     * A URL safe to print: the value of every parameter whose name contains "password" (such as
     * {@code ?password=} or H2's {@code ;FILE_PASSWORD=}) is replaced by {@code ***}.
     *
     * @param jdbcUrl the URL
     * @return the redacted URL
     */
    public static String redact(String jdbcUrl) {
        Matcher m = SECRET.matcher(jdbcUrl);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***"));
    }

    /**
     * The database file of an H2 file URL, as H2 names it on disk.
     *
     * @param jdbcUrl a {@code jdbc:h2:file:} URL
     * @return the path with the {@code .mv.db} extension
     */
    public static String h2File(String jdbcUrl) {
        String path = jdbcUrl.substring(Dialect.H2_FILE_PREFIX.length());
        int settings = path.indexOf(';');
        return (settings < 0 ? path : path.substring(0, settings)) + ".mv.db";
    }

    /**
     * An H2 URL with {@link #H2_DEFAULTS} for every setting it leaves out.
     *
     * @param jdbcUrl the URL
     * @return the URL to open
     */
    static String withH2Defaults(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(jdbcUrl);
        for (String setting : H2_DEFAULTS.substring(1).split(";")) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (!upper.contains(";" + name)) {
                url.append(';').append(setting);
            }
        }
        return url.toString();
    }

    /**
     * A short description of where the data lives, with no credentials and no driver options.
     *
     * @param dialect the dialect
     * @param jdbcUrl the URL
     * @param user the user
     * @param schema the schema
     * @return for example {@code jdbc:h2 file /var/medcoord/clinic (schema medcoord)}
     */
    static String describe(Dialect dialect, String jdbcUrl, String user, String schema) {
        if (dialect == Dialect.H2) {
            String file = h2File(jdbcUrl);
            return "jdbc:h2 file " + file.substring(0, file.length() - ".mv.db".length()) + " (schema " + schema + ")";
        }
        String rest = jdbcUrl.substring(Dialect.POSTGRESQL_PREFIX.length());
        int options = rest.indexOf('?');
        return "postgresql " + (options < 0 ? rest : rest.substring(0, options)) + " (user " + user + ", schema "
                + schema + ")";
    }
}
