package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.AuditStoreContract;

/**
 * Runs the contract kit's {@link AuditStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code AuditStore}.
 */
class PostgresAuditStoreContractTest extends AuditStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
