package org.medcoord.api.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.medcoord.api.common.Violations;

/**
 * Working hours on one day of the week, in the resource's local time. On a day when clocks
 * change, the hours keep their local meaning: 08:00 to 17:00 is nine wall-clock hours minus or
 * plus the shift.
 *
 * @param day the day of the week
 * @param start local start time
 * @param end local end time, after start
 * @since 0.1
 */
public record WeeklyHours(DayOfWeek day, LocalTime start, LocalTime end) {
    /**
     * Validates the parts.
     *
     * @param day the day
     * @param start the start
     * @param end the end
     */
    public WeeklyHours {
        Violations v = new Violations();
        v.notNull(day, "day");
        boolean times = v.notNull(start, "start") & v.notNull(end, "end");
        if (times) {
            v.require(end.isAfter(start), "end", "must be after start");
        }
        v.throwIfAny();
    }

    /**
     * Creates working hours.
     *
     * @param day the day
     * @param start the local start, for example {@code "08:00"}
     * @param end the local end, for example {@code "17:00"}
     * @return the hours
     */
    public static WeeklyHours of(DayOfWeek day, String start, String end) {
        return new WeeklyHours(day, LocalTime.parse(start), LocalTime.parse(end));
    }
}
