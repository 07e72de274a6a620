package org.medcoord.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened, as delivered to listeners. Delivery is at least once: a listener may
 * see the same {@code eventId} again after a crash or a retry and must treat it as a duplicate.
 *
 * @param eventId unique per event; the key for dropping duplicates
 * @param type the event type, for example {@code appointment.booked}
 * @param aggregateId the id of the entity it is about, for example an appointment id
 * @param payload the event as JSON: ids, times and codes, never names or free text
 * @param occurredAt when it happened
 * @param attempt 1 on first delivery, more on retries
 * @since 0.1
 */
public record DomainEvent(String eventId, String type, String aggregateId, String payload, Instant occurredAt,
                          int attempt) {
    /**
     * Checks the parts are present.
     *
     * @param eventId the id
     * @param type the type
     * @param aggregateId the aggregate id
     * @param payload the payload
     * @param occurredAt the time
     * @param attempt the attempt number
     */
    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
