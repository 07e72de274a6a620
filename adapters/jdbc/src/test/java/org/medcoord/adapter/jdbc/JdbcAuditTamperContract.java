package org.medcoord.adapter.jdbc;

import java.time.Duration;
import org.medcoord.adapter.jdbc.internal.JdbcAuditTampering;
import org.medcoord.api.Coordinator;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.CheckpointWitnesses;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.AuditTamperContract;
import org.medcoord.spi.testkit.AuditTampering;

/** The kit's tamper suite on a JDBC database, tampered with by plain SQL. */
abstract class JdbcAuditTamperContract extends AuditTamperContract {
    private JdbcOptions options;

    /** Options of a fresh, empty database. */
    abstract JdbcOptions freshOptions();

    @Override
    protected Storage newStorage() {
        options = freshOptions();
        return JdbcStorage.open(options);
    }

    @Override
    protected Storage reopen(Storage closed) {
        return JdbcStorage.open(options);
    }

    @Override
    protected Coordinator open(Storage storage, KeyProvider keys, CheckpointWitness witness, int checkpointEvery) {
        return Coordinators.builder()
                .plugin(plugin(storage, keys))
                .checkpointWitness(witness)
                .checkpointEvery(checkpointEvery)
                .sealAuditEvery(Duration.ofDays(1))
                .build();
    }

    @Override
    protected KeyProvider newKeys() {
        return new GeneratedKeyProvider("tamper");
    }

    @Override
    protected CheckpointWitness newWitness() {
        return CheckpointWitnesses.inMemory("tamper-witness");
    }

    @Override
    protected AuditTampering tampering(Storage storage) {
        return new JdbcAuditTampering(options);
    }
}
