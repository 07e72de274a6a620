package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageContract;

/** Runs the contract kit's {@link StorageContract} against {@link MemoryStorage}: the storage as a whole. */
class MemoryStorageContractTest extends StorageContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
