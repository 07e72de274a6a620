package org.medcoord.example.vendorstorage;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageKit;

/** Runs the whole contract kit against {@link VendorStorage}, a fresh SQLite file for every storage it opens. */
class VendorStorageKitTest extends StorageKit {
    @TempDir
    static Path files;

    private static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    protected Storage newStorage() {
        return new VendorStorage(files.resolve("kit-" + OPENED.incrementAndGet() + ".db"));
    }
}
