package org.medcoord.adapter.memory;

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
 * The stores of one memory storage; each holds its own tables and consults the unit binding.
 *
 * @param units which unit each thread runs
 * @param audit the audit store, which the tamper tests reach behind the port
 * @param ports every store by its port
 */
record Stores(UnitBinding<Unit> units, MemoryAuditStore audit, StorePorts ports) {
    static Stores create() {
        UnitBinding<Unit> units = new UnitBinding<>("memory");
        MemoryScheduleStore schedule = new MemoryScheduleStore(units);
        MemoryAuditStore audit = new MemoryAuditStore(units);
        StorePorts ports = StorePorts.builder()
                .add(ScheduleStore.class, schedule)
                .add(AppointmentStore.class, new MemoryAppointmentStore(units))
                .add(ClaimStore.class, new MemoryClaimStore(units, schedule))
                .add(HoldStore.class, new MemoryHoldStore(units))
                .add(IdempotencyStore.class, new MemoryIdempotencyStore(units))
                .add(WaitlistStore.class, new MemoryWaitlistStore(units))
                .add(OutboxStore.class, new MemoryOutboxStore(units))
                .add(AuditStore.class, audit)
                .add(DocumentStore.class, new MemoryDocumentStore(units, schedule))
                .build();
        return new Stores(units, audit, ports);
    }
}
