package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.WaitlistStoreContract;

/** Runs the contract kit's {@link WaitlistStoreContract} against {@link MemoryStorage}: its {@code WaitlistStore}. */
class MemoryWaitlistStoreContractTest extends WaitlistStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
