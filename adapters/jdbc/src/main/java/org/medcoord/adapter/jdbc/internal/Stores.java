package org.medcoord.adapter.jdbc.internal;

/** The stores of one JDBC storage; each finds the current unit's connection through {@link Units}. */
record Stores(JdbcScheduleStore schedule, JdbcAppointmentStore appointments, JdbcClaimStore claims,
              JdbcHoldStore holds, JdbcIdempotencyStore idempotency, JdbcWaitlistStore waitlist,
              JdbcOutboxStore outbox, JdbcAuditStore audit, JdbcDocumentStore documents) {
    static Stores create(Units units, Dialect dialect, Tables tables) {
        return new Stores(new JdbcScheduleStore(units, dialect, tables), new JdbcAppointmentStore(units, dialect, tables),
                new JdbcClaimStore(units, dialect, tables), new JdbcHoldStore(units, dialect, tables),
                new JdbcIdempotencyStore(units, dialect, tables), new JdbcWaitlistStore(units, dialect, tables),
                new JdbcOutboxStore(units, dialect, tables), new JdbcAuditStore(units, dialect, tables),
                new JdbcDocumentStore(units, dialect, tables));
    }
}
