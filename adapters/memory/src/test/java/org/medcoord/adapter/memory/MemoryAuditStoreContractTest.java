package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.AuditStoreContract;

/** Runs the contract kit's {@link AuditStoreContract} against {@link MemoryStorage}: its {@code AuditStore}. */
class MemoryAuditStoreContractTest extends AuditStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
