package org.medcoord.adapter.jdbc;

import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.testkit.AppointmentStoreContract;

/**
 * Runs the contract kit's {@link AppointmentStoreContract} against {@link JdbcStorage} on a fresh database of the
 * embedded PostgreSQL: its {@code AppointmentStore}.
 */
class PostgresAppointmentStoreContractTest extends AppointmentStoreContract {
    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(TestPostgres.freshDatabase());
    }
}
