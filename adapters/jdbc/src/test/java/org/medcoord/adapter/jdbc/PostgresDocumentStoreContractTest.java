package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.DocumentStoreContract;

/**
 * Runs the contract kit's {@link DocumentStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code DocumentStore}.
 */
class PostgresDocumentStoreContractTest extends DocumentStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
