package org.medcoord.adapter.jdbc.internal;

/**
 * The stores of one JDBC storage, and the reads across them; each finds the current unit's
 * connection through {@link Units}.
 */
record Stores(JdbcScheduleStore schedule, JdbcAppointmentStore appointments, JdbcClaimStore claims,
              JdbcHoldStore holds, JdbcIdempotencyStore idempotency, JdbcWaitlistStore waitlist,
              JdbcOutboxStore outbox, JdbcAuditStore audit, JdbcDocumentStore documents,
              JdbcCalendarReads calendar) {
    static Stores create(Units units, Dialect dialect, Tables tables) {
        JdbcScheduleStore schedule = new JdbcScheduleStore(units, dialect, tables);
        JdbcAppointmentStore appointments = new JdbcAppointmentStore(units, dialect, tables);
        JdbcClaimStore claims = new JdbcClaimStore(units, dialect, tables);
        return new Stores(schedule, appointments, claims, new JdbcHoldStore(units, dialect, tables),
                new JdbcIdempotencyStore(units, dialect, tables), new JdbcWaitlistStore(units, dialect, tables),
                new JdbcOutboxStore(units, dialect, tables), new JdbcAuditStore(units, dialect, tables),
                new JdbcDocumentStore(units, dialect, tables, schedule),
                new JdbcCalendarReads(units, dialect, tables, schedule, claims, appointments));
    }
}
