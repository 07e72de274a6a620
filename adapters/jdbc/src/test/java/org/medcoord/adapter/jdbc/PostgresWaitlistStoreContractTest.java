package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.WaitlistStoreContract;

/**
 * Runs the contract kit's {@link WaitlistStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code WaitlistStore}.
 */
class PostgresWaitlistStoreContractTest extends WaitlistStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
