package org.medcoord.core.appointment.internal;

import java.util.List;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.schedule.ResourceId;

/**
 * Thrown inside a transaction when the wanted time is not free, so that the transaction rolls
 * back; the caller then searches for alternatives outside it and throws
 * {@link org.medcoord.api.appointment.SlotUnavailableException}. Never reaches host code.
 */
final class SlotLost extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final transient List<ResourceId> busy;

    SlotLost(List<ResourceId> busy) {
        super("slot-unavailable", "slot unavailable");
        this.busy = List.copyOf(busy);
    }

    List<ResourceId> busy() {
        return busy;
    }
}
