package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.IdempotencyStoreContract;

/**
 * Runs the contract kit's {@link IdempotencyStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code IdempotencyStore}.
 */
class PostgresIdempotencyStoreContractTest extends IdempotencyStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
