package org.medcoord.spi.event;

import org.medcoord.api.event.DomainEvent;

/**
 * Receives domain events from the outbox.
 *
 * <p><b>Implementation requirements.</b> Idempotent: delivery is at least once, so the same
 * {@code eventId} may arrive again (after a crash, or when another listener of the same event
 * failed and the event is retried). Thread safe: background delivery calls from a MedCoord
 * thread. Throwing means "not delivered": the event is retried with back-off and parked after
 * the coordinator's attempt limit. Must not log patient data.
 *
 * @since 0.1
 */
public interface DomainEventListener {
    /**
     * A stable id for logs, for example {@code sms-reminders}.
     *
     * @return the id
     */
    String id();

    /**
     * Handles one event.
     *
     * @param event the event
     */
    void on(DomainEvent event);
}
