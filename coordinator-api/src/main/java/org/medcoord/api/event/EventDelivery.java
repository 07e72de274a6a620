package org.medcoord.api.event;

import java.util.List;

/**
 * Delivery of outbox events to the registered listeners. Reached through
 * {@code Coordinator.events()}. A coordinator built with a dispatch interval also delivers in the
 * background; every node of a cluster may deliver, each claiming different events.
 *
 * @since 0.1
 */
public interface EventDelivery {
    /**
     * Delivers the events that are due now, in one pass.
     *
     * @return how many events were delivered to every listener
     */
    int deliverDue();

    /**
     * Events whose listeners kept failing and that are no longer retried, oldest first. They are
     * kept, not dropped, until an operator acts.
     *
     * @param limit the most to return
     * @return the parked events with their attempt counts
     */
    List<DomainEvent> parked(int limit);
}
