package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.DocumentStoreContract;

/** Runs the contract kit's {@link DocumentStoreContract} against {@link MemoryStorage}: its {@code DocumentStore}. */
class MemoryDocumentStoreContractTest extends DocumentStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
