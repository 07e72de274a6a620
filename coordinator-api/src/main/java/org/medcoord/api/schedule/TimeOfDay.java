package org.medcoord.api.schedule;

import java.time.LocalTime;

/**
 * A part of the day a patient prefers, in local time.
 *
 * @since 0.1
 */
public enum TimeOfDay {
    /** Starts before 12:00. */
    MORNING(LocalTime.MIDNIGHT, LocalTime.NOON),
    /** Starts from 12:00 and before 17:00. */
    AFTERNOON(LocalTime.NOON, LocalTime.of(17, 0)),
    /** Starts from 17:00. */
    EVENING(LocalTime.of(17, 0), LocalTime.MAX);

    private final LocalTime from;
    private final LocalTime until;

    TimeOfDay(LocalTime from, LocalTime until) {
        this.from = from;
        this.until = until;
    }

    /**
     * Whether a local start time falls in this part of the day.
     *
     * @param start the local start time
     * @return {@code true} when it does
     */
    public boolean contains(LocalTime start) {
        return !start.isBefore(from) && (this == EVENING || start.isBefore(until));
    }
}
