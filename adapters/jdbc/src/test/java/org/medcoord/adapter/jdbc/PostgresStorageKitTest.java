package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageKit;

/** Runs the whole contract kit against {@link JdbcStorage} on a fresh database of the embedded PostgreSQL for each test. */
class PostgresStorageKitTest extends StorageKit {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
