package org.medcoord.adapter.memory;

/** The stores of one memory storage; each holds its own tables and consults {@link Units}. */
record Stores(MemoryScheduleStore schedule, MemoryAppointmentStore appointments, MemoryClaimStore claims,
              MemoryHoldStore holds, MemoryIdempotencyStore idempotency, MemoryWaitlistStore waitlist,
              MemoryOutboxStore outbox, MemoryAuditStore audit, MemoryDocumentStore documents) {
    static Stores create(Units units) {
        MemoryScheduleStore schedule = new MemoryScheduleStore(units);
        return new Stores(schedule, new MemoryAppointmentStore(units), new MemoryClaimStore(units, schedule),
                new MemoryHoldStore(units), new MemoryIdempotencyStore(units), new MemoryWaitlistStore(units),
                new MemoryOutboxStore(units), new MemoryAuditStore(units), new MemoryDocumentStore(units, schedule));
    }
}
