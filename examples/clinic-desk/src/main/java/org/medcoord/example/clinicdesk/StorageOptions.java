package org.medcoord.example.clinicdesk;

import java.nio.file.Path;
import org.medcoord.adapter.jdbc.JdbcOptions;
import picocli.CommandLine.Option;

/**
 * Where the desk keeps its clinic: an embedded H2 file by default, or PostgreSQL when
 * {@code --db-url} is given. Shared by every subcommand.
 */
final class StorageOptions {
    /** The default database file, relative to the working directory. */
    static final Path DEFAULT_FILE = Path.of("clinic-desk-data", "clinic");

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "clinic-desk-data/clinic",
            description = "Embedded database file, without the .mv.db ending (default: ${DEFAULT-VALUE}).")
    Path file = DEFAULT_FILE;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "PostgreSQL instead of the file, for example jdbc:postgresql://localhost:5432/clinic.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "medcoord",
            description = "PostgreSQL user (default: ${DEFAULT-VALUE}).")
    String user = "medcoord";

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "", arity = "0..1",
            description = "PostgreSQL password.")
    String password = "";

    @Option(names = "--db-schema", paramLabel = "SCHEMA", defaultValue = "clinic_desk",
            description = "Schema for MedCoord's tables on PostgreSQL (default: ${DEFAULT-VALUE}).")
    String schema = "clinic_desk";

    boolean embedded() {
        return url == null;
    }

    /** Where the audit signing key lives: beside the embedded file, or in its default folder. */
    Path keyDirectory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** The file H2 actually writes. */
    Path dataFile() {
        return file.resolveSibling(file.getFileName() + ".mv.db");
    }

    JdbcOptions toJdbcOptions() {
        return embedded() ? JdbcOptions.embedded(file) : JdbcOptions.postgres(url, user, password).withSchema(schema);
    }

    String describe() {
        return embedded() ? "embedded H2 file " + dataFile() : "PostgreSQL " + toJdbcOptions().toString();
    }
}
