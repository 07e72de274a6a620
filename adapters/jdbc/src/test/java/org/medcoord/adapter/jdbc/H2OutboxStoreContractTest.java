package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.OutboxStoreContract;

/** Runs the contract kit's {@link OutboxStoreContract} against {@link JdbcStorage} on a fresh H2 file: its {@code OutboxStore}. */
class H2OutboxStoreContractTest extends OutboxStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(JdbcOptions.embedded(dir.resolve("medcoord")));
    }
}
