package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.StorageContract;

/**
 * Runs the contract kit's {@link StorageContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: the whole storage.
 */
class PostgresStorageContractTest extends StorageContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
