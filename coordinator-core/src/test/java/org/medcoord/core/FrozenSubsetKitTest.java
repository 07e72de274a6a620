package org.medcoord.core;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageKit;

/**
 * The frozen vendor storage passes the kit for what it keeps: the storage as a whole and the ports
 * of schedules, appointments and the audit, and no contract of a port it leaves out.
 */
class FrozenSubsetKitTest extends StorageKit {
    @Override
    protected Storage newStorage() {
        return FrozenSpi.newStorage();
    }
}
