package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A domain event written in the transaction that caused it, waiting for delivery.
 *
 * @param eventId a unique id, used by listeners to drop duplicates
 * @param type the event type, for example {@code appointment.booked}
 * @param aggregateId the id of the entity the event is about
 * @param payload the event as JSON, produced by core; carries ids, never names
 * @param occurredAt when
 * @since 0.1
 */
public record OutboxRecord(String eventId, String type, String aggregateId, String payload, Instant occurredAt) {
    /**
     * Checks the parts are present.
     *
     * @param eventId the id
     * @param type the type
     * @param aggregateId the aggregate id
     * @param payload the payload
     * @param occurredAt the time
     */
    public OutboxRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
