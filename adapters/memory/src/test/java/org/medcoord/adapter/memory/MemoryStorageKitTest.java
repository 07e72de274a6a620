package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageKit;

/** Runs the whole contract kit against {@link MemoryStorage}, which keeps every port. */
class MemoryStorageKitTest extends StorageKit {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
