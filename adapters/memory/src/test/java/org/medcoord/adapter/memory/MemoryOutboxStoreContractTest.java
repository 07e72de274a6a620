package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.OutboxStoreContract;

/** Runs the contract kit's {@link OutboxStoreContract} against {@link MemoryStorage}: its {@code OutboxStore}. */
class MemoryOutboxStoreContractTest extends OutboxStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
