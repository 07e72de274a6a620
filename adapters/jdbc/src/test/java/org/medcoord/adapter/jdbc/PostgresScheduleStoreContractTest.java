package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.ScheduleStoreContract;

/**
 * Runs the contract kit's {@link ScheduleStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code ScheduleStore}.
 */
class PostgresScheduleStoreContractTest extends ScheduleStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
