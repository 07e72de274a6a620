package org.medcoord.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.audit.NodeId;
import org.medcoord.spi.event.DomainEventListener;

/**
 * Everything the builder collected besides plugins.
 *
 * @param clock the clock
 * @param listeners listeners registered by the host
 * @param dispatchInterval background delivery interval, or null for none
 * @param maxDeliveryAttempts failed attempts before an event is parked
 * @param accessPolicy the access policy enforced on every call
 * @param node the node recorded in audit records
 * @param auditSealInterval how often the audit chain is sealed in the background, or null for never
 * @param checkpointEvery how many sealed events between signed checkpoints
 */
public record CoordinatorSettings(Clock clock, List<DomainEventListener> listeners, Duration dispatchInterval,
                                  int maxDeliveryAttempts, AccessPolicy accessPolicy, NodeId node, Duration auditSealInterval,
                                  int checkpointEvery) {
    /**
     * Copies the listeners.
     *
     * @param clock the clock
     * @param listeners the listeners
     * @param dispatchInterval the interval
     * @param maxDeliveryAttempts the attempts
     * @param accessPolicy the policy
     * @param node the node
     * @param auditSealInterval the seal interval
     * @param checkpointEvery the checkpoint spacing
     */
    public CoordinatorSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accessPolicy, "accessPolicy");
        Objects.requireNonNull(node, "node");
        listeners = List.copyOf(listeners);
    }
}
