package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.ScheduleStoreContract;

/** Runs the contract kit's {@link ScheduleStoreContract} against {@link MemoryStorage}: its {@code ScheduleStore}. */
class MemoryScheduleStoreContractTest extends ScheduleStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
