package org.medcoord.api.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.Violations;

/**
 * When a resource works, week by week, between two dates. A resource may have several templates
 * (a summer timetable, a new rota from a date); where they overlap, their hours add up.
 *
 * @param resource the resource it applies to
 * @param effectiveFrom the first local date it applies to
 * @param effectiveUntil the last local date it applies to, inclusive; empty for open-ended
 * @param hours the working hours, at most 50
 * @since 0.1
 */
public record WeeklyTemplate(ResourceId resource, LocalDate effectiveFrom, Optional<LocalDate> effectiveUntil,
                             List<WeeklyHours> hours) {
    /**
     * Validates the parts and copies the hours.
     *
     * @param resource the resource
     * @param effectiveFrom the first date
     * @param effectiveUntil the last date
     * @param hours the hours
     */
    public WeeklyTemplate {
        Violations v = new Violations();
        v.notNull(resource, "resource");
        v.notNull(effectiveFrom, "effectiveFrom");
        if (v.notNull(effectiveUntil, "effectiveUntil") && effectiveFrom != null && effectiveUntil.isPresent()) {
            v.require(!effectiveUntil.get().isBefore(effectiveFrom), "effectiveUntil", "must not be before effectiveFrom");
        }
        if (v.notNull(hours, "hours")) {
            v.require(hours.size() <= 50, "hours", "must have at most 50 entries");
            for (int i = 0; i < hours.size(); i++) {
                v.notNull(hours.get(i), "hours[" + i + "]");
            }
        }
        v.throwIfAny();
        hours = List.copyOf(hours);
    }

    /**
     * The same hours on each of the given days, open-ended from a date.
     *
     * @param resource the resource
     * @param from the first date
     * @param start the local start, for example {@code "08:00"}
     * @param end the local end
     * @param days the days of the week
     * @return the template
     */
    public static WeeklyTemplate of(ResourceId resource, LocalDate from, String start, String end, DayOfWeek... days) {
        List<WeeklyHours> list = new ArrayList<>();
        for (DayOfWeek d : days) {
            list.add(WeeklyHours.of(d, start, end));
        }
        return new WeeklyTemplate(resource, from, Optional.empty(), list);
    }

    /**
     * Whether the template applies on a local date.
     *
     * @param date the date
     * @return {@code true} when the date is within the effective range
     */
    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && effectiveUntil.map(u -> !date.isAfter(u)).orElse(true);
    }
}
