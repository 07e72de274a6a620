package org.medcoord.adapter.jdbc.internal;

import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.WaitlistStore;
import org.medcoord.spi.storage.support.StorePorts;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * The stores of one JDBC storage, and the reads across them; each finds the current unit's
 * connection through the unit binding.
 */
record Stores(StorePorts ports, JdbcScheduleStore schedule, JdbcAppointmentStore appointments, JdbcClaimStore claims,
              JdbcHoldStore holds, JdbcIdempotencyStore idempotency, JdbcWaitlistStore waitlist,
              JdbcOutboxStore outbox, JdbcAuditStore audit, JdbcDocumentStore documents,
              JdbcCalendarReads calendar) {
    static Stores create(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        JdbcScheduleStore schedule = new JdbcScheduleStore(units, dialect, tables);
        JdbcAppointmentStore appointments = new JdbcAppointmentStore(units, dialect, tables);
        JdbcClaimStore claims = new JdbcClaimStore(units, dialect, tables);
        JdbcHoldStore holds = new JdbcHoldStore(units, dialect, tables);
        JdbcIdempotencyStore idempotency = new JdbcIdempotencyStore(units, dialect, tables);
        JdbcWaitlistStore waitlist = new JdbcWaitlistStore(units, dialect, tables);
        JdbcOutboxStore outbox = new JdbcOutboxStore(units, dialect, tables);
        JdbcAuditStore audit = new JdbcAuditStore(units, dialect, tables);
        JdbcDocumentStore documents = new JdbcDocumentStore(units, dialect, tables, schedule);
        StorePorts ports = StorePorts.builder()
                .add(ScheduleStore.class, schedule)
                .add(AppointmentStore.class, appointments)
                .add(ClaimStore.class, claims)
                .add(HoldStore.class, holds)
                .add(IdempotencyStore.class, idempotency)
                .add(WaitlistStore.class, waitlist)
                .add(OutboxStore.class, outbox)
                .add(AuditStore.class, audit)
                .add(DocumentStore.class, documents)
                .build();
        return new Stores(ports, schedule, appointments, claims, holds, idempotency, waitlist, outbox, audit,
                documents, new JdbcCalendarReads(units, dialect, tables, schedule, claims, appointments));
    }
}
