package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.ClaimStoreContract;

/** Runs the contract kit's {@link ClaimStoreContract} against {@link MemoryStorage}: its {@code ClaimStore}. */
class MemoryClaimStoreContractTest extends ClaimStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
