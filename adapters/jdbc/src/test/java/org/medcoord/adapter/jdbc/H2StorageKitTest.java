package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageKit;

/** Runs the whole contract kit against {@link JdbcStorage} on a fresh H2 file for each test. */
class H2StorageKitTest extends StorageKit {
    private final AtomicInteger opened = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(JdbcOptions.embedded(dir.resolve("db-" + opened.incrementAndGet()).resolve("medcoord")));
    }
}
