package org.medcoord.api.appointment;

import java.util.List;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.SlotOption;

/**
 * The wanted time is not free: another booking or hold got there first, the resource is not
 * working then, or the patient is already booked. Carries alternatives, best first, so the desk
 * can offer another time at once.
 *
 * @since 0.1
 */
public class SlotUnavailableException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final transient List<SlotOption> alternatives;
    private final transient List<ResourceId> busyResources;

    /**
     * Creates the exception.
     *
     * @param busyResources the resources that were not free, empty when unknown
     * @param alternatives options for the same service near the wanted time, best first
     */
    public SlotUnavailableException(List<ResourceId> busyResources, List<SlotOption> alternatives) {
        super("slot-unavailable", "slot unavailable" + (busyResources.isEmpty() ? "" : " on " + busyResources)
                + "; " + alternatives.size() + " alternatives offered");
        this.busyResources = List.copyOf(busyResources);
        this.alternatives = List.copyOf(alternatives);
    }

    /**
     * Options near the wanted time, best first.
     *
     * @return the alternatives; may be empty when nothing is free
     */
    public List<SlotOption> alternatives() {
        return alternatives;
    }

    /**
     * The resources that were not free.
     *
     * @return the resource ids; empty when the patient was the conflict or it is unknown
     */
    public List<ResourceId> busyResources() {
        return busyResources;
    }
}
