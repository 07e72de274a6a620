package org.medcoord.adapter.jdbc;

/** The tamper suite on PostgreSQL. */
class PostgresAuditTamperTest extends JdbcAuditTamperContract {
    @Override
    JdbcOptions freshOptions() {
        return TestPostgres.freshDatabase();
    }
}
