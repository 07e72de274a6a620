package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.HoldStoreContract;

/** Runs the contract kit's {@link HoldStoreContract} against {@link MemoryStorage}: its {@code HoldStore}. */
class MemoryHoldStoreContractTest extends HoldStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
