package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.IdempotencyStoreContract;

/** Runs the contract kit's {@link IdempotencyStoreContract} against {@link JdbcStorage} on a fresh H2 file: its {@code IdempotencyStore}. */
class H2IdempotencyStoreContractTest extends IdempotencyStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(JdbcOptions.embedded(dir.resolve("medcoord")));
    }
}
