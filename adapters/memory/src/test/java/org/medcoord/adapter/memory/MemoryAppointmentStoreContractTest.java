package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.AppointmentStoreContract;

/** Runs the contract kit's {@link AppointmentStoreContract} against {@link MemoryStorage}: its {@code AppointmentStore}. */
class MemoryAppointmentStoreContractTest extends AppointmentStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
