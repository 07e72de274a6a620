package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.OutboxStoreContract;

/**
 * Runs the contract kit's {@link OutboxStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code OutboxStore}.
 */
class PostgresOutboxStoreContractTest extends OutboxStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
