package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.DocumentStoreContract;

/** Runs the contract kit's {@link DocumentStoreContract} against {@link JdbcStorage} on a fresh H2 file: its {@code DocumentStore}. */
class H2DocumentStoreContractTest extends DocumentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(JdbcOptions.embedded(dir.resolve("medcoord")));
    }
}
