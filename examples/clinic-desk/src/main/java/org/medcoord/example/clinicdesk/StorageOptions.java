package org.medcoord.example.clinicdesk;

import java.nio.file.Path;
import java.time.Clock;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.core.CoordinatorBuilder;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.CheckpointWitnesses;
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

    @Option(names = "--witness", paramLabel = "FILE",
            description = "Audit checkpoint witness file (default: beside the database, in the witness folder). "
                    + "A real deployment puts it on another volume or host than the database.")
    Path witness;

    boolean embedded() {
        return url == null;
    }

    /** Where the audit signing key lives: beside the embedded file, or in its default folder. */
    Path keyDirectory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /**
     * The file that witnesses every signed audit checkpoint. The demo keeps it beside the
     * database for simplicity; a witness on the same volume is restored or deleted together with
     * the database, so a hospital would point {@code --witness} at another volume or host.
     */
    Path witnessFile() {
        if (witness != null) {
            return witness;
        }
        String name = embedded() ? file.getFileName() + ".witness" : "postgres-" + schema + ".witness";
        return keyDirectory().resolve("witness").resolve(name);
    }

    /**
     * A coordinator builder for this storage with the desk's signing key and witness and the
     * given clock.
     */
    CoordinatorBuilder coordinator(Clock clock) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(toJdbcOptions()))
                .plugin(ClinicKeys.in(keyDirectory()).plugin())
                .checkpointWitness(CheckpointWitnesses.file(witnessFile()))
                .clock(clock);
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
