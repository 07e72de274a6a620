package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.ScheduleStoreContract;

/** Runs the contract kit's {@link ScheduleStoreContract} against {@link JdbcStorage} on a fresh H2 file: its {@code ScheduleStore}. */
class H2ScheduleStoreContractTest extends ScheduleStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(JdbcOptions.embedded(dir.resolve("medcoord")));
    }
}
