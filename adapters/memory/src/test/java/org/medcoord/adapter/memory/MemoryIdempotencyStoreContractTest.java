package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.IdempotencyStoreContract;

/** Runs the contract kit's {@link IdempotencyStoreContract} against {@link MemoryStorage}: its {@code IdempotencyStore}. */
class MemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
