package org.medcoord.api.schedule;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medcoord.api.common.Violations;

/**
 * A kind of visit and what it takes.
 *
 * <p>Durations, buffers and the slot step are whole multiples of {@link #GRANULE} (five
 * minutes); that is the resolution of the scheduling calendar.
 *
 * @param id the id
 * @param displayName a short label, at most 120 characters
 * @param duration how long the visit takes; positive
 * @param requirements the resources it needs, at least one, role names unique
 * @param bufferBefore time the resources are held before the visit (set-up)
 * @param bufferAfter time the resources are held after the visit (clean-up, turnover)
 * @param minimumNotice how far ahead of its start a visit must be booked
 * @param maximumHorizon how far ahead a visit may be booked at most
 * @param slotStep the spacing of offered start times. Starts are whole multiples of the step
 *     counted from 1970-01-01T00:00Z; where a zone's offset is a whole number of hours (and for
 *     steps that divide 15 minutes, quarter-hour offsets too) that is the same as counting from
 *     local midnight. In Asia/Kathmandu (+05:45) a 30-minute step gives :15 and :45 local starts.
 *     Booking itself accepts any start on the 5-minute grid.
 * @since 0.1
 */
public record ServiceType(ServiceTypeId id, String displayName, Duration duration, List<ResourceRequirement> requirements,
                          Duration bufferBefore, Duration bufferAfter, Duration minimumNotice, Duration maximumHorizon,
                          Duration slotStep) {
    /** The resolution of the scheduling calendar. */
    public static final Duration GRANULE = Duration.ofMinutes(5);

    /**
     * Validates the parts and copies the requirements.
     *
     * @param id the id
     * @param displayName the label
     * @param duration the duration
     * @param requirements the requirements
     * @param bufferBefore the set-up buffer
     * @param bufferAfter the turnover buffer
     * @param minimumNotice the notice
     * @param maximumHorizon the horizon
     * @param slotStep the step
     */
    public ServiceType {
        Violations v = new Violations();
        v.notNull(id, "id");
        v.text(displayName, "displayName", Resource.MAX_NAME);
        granular(v, duration, "duration", true);
        granular(v, bufferBefore, "bufferBefore", false);
        granular(v, bufferAfter, "bufferAfter", false);
        granular(v, slotStep, "slotStep", true);
        if (v.notNull(minimumNotice, "minimumNotice")) {
            v.require(!minimumNotice.isNegative(), "minimumNotice", "must not be negative");
        }
        if (v.notNull(maximumHorizon, "maximumHorizon")) {
            v.require(maximumHorizon.compareTo(Duration.ofDays(3660)) <= 0 && !maximumHorizon.isNegative(),
                    "maximumHorizon", "must be between 0 and 10 years");
        }
        if (v.notNull(requirements, "requirements")) {
            v.require(!requirements.isEmpty(), "requirements", "must name at least one resource");
            v.require(requirements.size() <= 8, "requirements", "must name at most 8 resources");
            Set<String> roles = new HashSet<>();
            for (int i = 0; i < requirements.size(); i++) {
                ResourceRequirement r = requirements.get(i);
                if (v.notNull(r, "requirements[" + i + "]")) {
                    v.require(roles.add(r.role()), "requirements[" + i + "].role", "must be unique within the service");
                }
            }
        }
        v.throwIfAny();
        requirements = List.copyOf(requirements);
    }

    /**
     * A service with no buffers, no notice, a one-year horizon and a 15-minute step.
     *
     * @param id the id
     * @param displayName the label
     * @param duration the duration
     * @param requirements the resources needed
     * @return the service type
     */
    public static ServiceType of(String id, String displayName, Duration duration, ResourceRequirement... requirements) {
        return new ServiceType(ServiceTypeId.of(id), displayName, duration, List.of(requirements), Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ofDays(365), Duration.ofMinutes(15));
    }

    /**
     * A copy with other buffers.
     *
     * @param before set-up time
     * @param after turnover time
     * @return a copy
     */
    public ServiceType withBuffers(Duration before, Duration after) {
        return new ServiceType(id, displayName, duration, requirements, before, after, minimumNotice, maximumHorizon, slotStep);
    }

    /**
     * A copy with another notice and horizon.
     *
     * @param notice the minimum notice
     * @param horizon the maximum horizon
     * @return a copy
     */
    public ServiceType withBookingWindow(Duration notice, Duration horizon) {
        return new ServiceType(id, displayName, duration, requirements, bufferBefore, bufferAfter, notice, horizon, slotStep);
    }

    /**
     * A copy with another slot step.
     *
     * @param step the spacing of start times
     * @return a copy
     */
    public ServiceType withSlotStep(Duration step) {
        return new ServiceType(id, displayName, duration, requirements, bufferBefore, bufferAfter, minimumNotice, maximumHorizon, step);
    }

    private static void granular(Violations v, Duration d, String path, boolean positive) {
        if (!v.notNull(d, path)) {
            return;
        }
        if (positive) {
            v.require(d.compareTo(Duration.ZERO) > 0, path, "must be positive");
        } else {
            v.require(!d.isNegative(), path, "must not be negative");
        }
        v.require(d.toSeconds() % GRANULE.toSeconds() == 0 && d.getNano() == 0, path, "must be a multiple of 5 minutes");
        v.require(d.compareTo(Duration.ofDays(7)) <= 0, path, "must be at most 7 days");
    }
}
