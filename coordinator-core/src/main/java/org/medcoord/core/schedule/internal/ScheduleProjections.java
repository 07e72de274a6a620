package org.medcoord.core.schedule.internal;

import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.core.access.internal.Projections;

/** What callers may see of the schedule feature's results. Not API. */
public final class ScheduleProjections {
    private ScheduleProjections() {
    }

    /**
     * Declares the schedule result types: facility reference data and free slots, which carry
     * no patient data, shown as they are.
     *
     * @param projections the builder
     */
    public static void declare(Projections.Builder projections) {
        projections.asIs(Resource.class, ServiceType.class, SlotOption.class);
    }
}
