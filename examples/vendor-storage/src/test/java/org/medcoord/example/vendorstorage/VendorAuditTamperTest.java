package org.medcoord.example.vendorstorage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.api.Coordinator;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.CheckpointWitnesses;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.AuditTamperContract;
import org.medcoord.spi.testkit.AuditTampering;

/**
 * The tamper suite on the SQLite file: rows are changed with plain SQL on a connection of their
 * own, as someone with write access to the file would, and a restart opens the same file again.
 */
class VendorAuditTamperTest extends AuditTamperContract {
    @TempDir
    static Path files;

    private static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    protected Storage newStorage() {
        return new VendorStorage(files.resolve("tamper-" + OPENED.incrementAndGet() + ".db"));
    }

    @Override
    protected Storage reopen(Storage closed) {
        return new VendorStorage(((VendorStorage) closed).file());
    }

    @Override
    protected Coordinator open(Storage storage, KeyProvider keys, CheckpointWitness witness, int checkpointEvery) {
        return Coordinators.builder()
                .plugin(plugin(storage, keys))
                .features(Appointments.FEATURE)
                .checkpointWitness(witness)
                .checkpointEvery(checkpointEvery)
                .sealAuditEvery(Duration.ofDays(1))
                .build();
    }

    @Override
    protected KeyProvider newKeys() {
        return new TestKeys("tamper-" + OPENED.incrementAndGet());
    }

    @Override
    protected CheckpointWitness newWitness() {
        return CheckpointWitnesses.inMemory("tamper-witness");
    }

    @Override
    protected AuditTampering tampering(Storage storage) {
        return new SqlTampering(((VendorStorage) storage).file());
    }

    /** Changes audit rows with SQL on a connection of its own, keeping nothing else in step. */
    private record SqlTampering(Path file) implements AuditTampering {
        @Override
        public void replaceEvent(ChainedEvent event) {
            run("UPDATE audit SET at_ns = ?, user_id = ?, patient = ?, body = ?, previous_hash = ?, hash = ? "
                    + "WHERE sequence = ?", Sql.stored("at", event.record().at()), event.record().user().value(),
                    event.record().patient().map(p -> (Object) p.value()).orElse(null),
                    Codec.encode(Codec.AUDIT, event.record()), event.previousHash().toBytes(), event.hash().toBytes(),
                    event.sequence());
        }

        @Override
        public void removeEvents(long first, long last) {
            run("DELETE FROM audit WHERE sequence BETWEEN ? AND ?", first, last);
        }

        @Override
        public void replaceCheckpoint(Checkpoint c) {
            run("UPDATE checkpoint SET sequence = ?, head = ?, previous = ?, at_s = ?, at_n = ?, key_id = ?, "
                    + "signature = ? WHERE idx = ?", c.sequence(), c.head().toBytes(), c.previous().toBytes(),
                    c.at().getEpochSecond(), c.at().getNano(), c.keyId().value(), c.signature(), c.index());
        }

        @Override
        public void removeCheckpoints(long first, long last) {
            run("DELETE FROM checkpoint WHERE idx BETWEEN ? AND ?", first, last);
        }

        private void run(String sql, Object... parameters) {
            try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
                 PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new AssertionError("tampering failed", e);
            }
        }
    }
}
