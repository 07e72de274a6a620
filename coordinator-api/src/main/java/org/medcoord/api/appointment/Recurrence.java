package org.medcoord.api.appointment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.medcoord.api.common.Violations;

/**
 * When a series repeats: every {@code interval} days or weeks at the same local time, for a
 * number of occurrences or until a date. Exactly one of {@code count} and {@code until} is set.
 *
 * @param frequency daily or weekly
 * @param interval every how many days or weeks, 1 to 52
 * @param count the number of occurrences including the first, 1 to 366
 * @param until the last local date an occurrence may fall on
 * @param zone the zone the local time is kept in; empty means the zone of the first resource
 * @since 0.1
 */
public record Recurrence(Frequency frequency, int interval, Optional<Integer> count, Optional<LocalDate> until,
                         Optional<ZoneId> zone) {
    /** The most occurrences a series may have. */
    public static final int MAX_OCCURRENCES = 366;

    /**
     * Validates the parts.
     *
     * @param frequency the frequency
     * @param interval the interval
     * @param count the count
     * @param until the end date
     * @param zone the zone
     */
    public Recurrence {
        Violations v = new Violations();
        v.notNull(frequency, "recurrence.frequency");
        v.require(interval >= 1 && interval <= 52, "recurrence.interval", "must be between 1 and 52");
        boolean present = v.notNull(count, "recurrence.count") & v.notNull(until, "recurrence.until");
        v.notNull(zone, "recurrence.zone");
        if (present) {
            v.require(count.isPresent() != until.isPresent(), "recurrence.count", "exactly one of count and until must be set");
            count.ifPresent(c -> v.require(c >= 1 && c <= MAX_OCCURRENCES, "recurrence.count",
                    "must be between 1 and " + MAX_OCCURRENCES));
        }
        v.throwIfAny();
    }

    /**
     * A weekly series of {@code count} occurrences.
     *
     * @param count the number of occurrences
     * @return the recurrence
     */
    public static Recurrence weekly(int count) {
        return new Recurrence(Frequency.WEEKLY, 1, Optional.of(count), Optional.empty(), Optional.empty());
    }

    /**
     * A daily series of {@code count} occurrences.
     *
     * @param count the number of occurrences
     * @return the recurrence
     */
    public static Recurrence daily(int count) {
        return new Recurrence(Frequency.DAILY, 1, Optional.of(count), Optional.empty(), Optional.empty());
    }
}
