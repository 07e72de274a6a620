package org.medcoord.spi.storage;

/**
 * The stores reachable inside one transaction. All writes through them commit or roll back
 * together.
 *
 * @since 0.1
 */
public interface StorageTransaction {
    /**
     * Resources, service types, templates, unavailability.
     *
     * @return the store
     */
    ScheduleStore schedule();

    /**
     * Appointments with their histories.
     *
     * @return the store
     */
    AppointmentStore appointments();

    /**
     * Time claimed on resources by appointments and holds.
     *
     * @return the store
     */
    ClaimStore claims();

    /**
     * Tentative holds.
     *
     * @return the store
     */
    HoldStore holds();

    /**
     * Idempotency keys and the results they map to.
     *
     * @return the store
     */
    IdempotencyStore idempotency();

    /**
     * Wait-list entries.
     *
     * @return the store
     */
    WaitlistStore waitlist();

    /**
     * Domain events waiting for delivery.
     *
     * @return the store
     */
    OutboxStore outbox();

    /**
     * The audit trail.
     *
     * @return the store
     */
    AuditStore audit();

    /**
     * Paperwork: document types, per-service requirements, patients' documents and answers.
     *
     * @return the store
     * @since 0.1
     */
    DocumentStore documents();
}
