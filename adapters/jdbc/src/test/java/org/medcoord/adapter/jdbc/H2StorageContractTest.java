package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageContract;

/** Runs the contract kit's {@link StorageContract} against {@link JdbcStorage} on a fresh H2 file: the whole storage. */
class H2StorageContractTest extends StorageContract {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(JdbcOptions.embedded(dir.resolve("medcoord")));
    }
}
