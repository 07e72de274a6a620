package org.medcoord.core.audit;

import java.nio.file.Path;
import java.util.Objects;
import org.medcoord.api.common.Identifiers;
import org.medcoord.core.audit.internal.FileWitness;
import org.medcoord.core.audit.internal.MemoryWitness;
import org.medcoord.spi.audit.CheckpointWitness;

/**
 * The checkpoint witnesses MedCoord ships. Register one with
 * {@code Coordinators.builder().checkpointWitness(...)} or from a plugin.
 *
 * <pre>{@code
 * Coordinator coordinator = Coordinators.builder()
 *         .plugin(new JdbcStoragePlugin(JdbcOptions.embedded(dataDir.resolve("clinic"))))
 *         .plugin(keyPlugin)                                   // a durable KeyProvider
 *         .checkpointWitness(CheckpointWitnesses.file(Path.of("/mnt/audit-witness/clinic.witness")))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class CheckpointWitnesses {
    private CheckpointWitnesses() {
    }

    /**
     * A witness that appends every checkpoint to a file, forcing it to the device before it
     * returns, and reads the newest back when opened, so that it survives restarts. Put the file on
     * another volume or host than the database (a separate disk, a network share with its own
     * permissions, a write-once mount): a witness beside the database files is restored or deleted
     * together with them. The file and any directories it creates are readable by their owner only
     * on POSIX file systems. One process writes one file; give each node its own.
     *
     * <p>A last line left incomplete by a crash during a write (which never returned) is dropped
     * when the file is opened; any other unreadable line fails the open with an
     * {@link org.medcoord.api.common.AdapterException} naming the line number, since a witness
     * that was tampered with vouches for nothing.
     *
     * @param file the witness file; created with its parent directories when absent
     * @return the witness, with id {@code file:<file name>}
     */
    public static CheckpointWitness file(Path file) {
        return FileWitness.open(Objects.requireNonNull(file, "file"));
    }

    /**
     * A witness held in memory: it lasts as long as the object, so it suits tests and a single
     * process. Every coordinator keeps one of these itself, so that a rollback of the store while
     * it runs is detected even when no witness is registered.
     *
     * @param id the witness's id, see {@link Identifiers}
     * @return the witness
     */
    public static CheckpointWitness inMemory(String id) {
        return new MemoryWitness(Identifiers.check("id", id));
    }
}
