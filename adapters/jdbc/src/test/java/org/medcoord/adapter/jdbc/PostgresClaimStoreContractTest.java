package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.ClaimStoreContract;

/**
 * Runs the contract kit's {@link ClaimStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code ClaimStore}.
 */
class PostgresClaimStoreContractTest extends ClaimStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
