package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.HoldStoreContract;

/**
 * Runs the contract kit's {@link HoldStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code HoldStore}.
 */
class PostgresHoldStoreContractTest extends HoldStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
