package org.medcoord.adapter.jdbc.internal;

import java.time.Instant;
import org.medcoord.api.common.InvalidRequestException;

/**
 * Instants as epoch nanoseconds in a {@code BIGINT}: exact for every instant MedCoord produces
 * (PostgreSQL's {@code timestamptz} keeps only microseconds, and clocks give nanoseconds), ordered
 * and compared as plain numbers by both databases. The range is 1677-09-21 to 2262-04-11.
 */
public final class Nanos {
    /** The earliest instant that can be stored. */
    public static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    /** The latest instant that can be stored. */
    public static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private Nanos() {
    }

    /**
     * An instant to be stored.
     *
     * @param instant the instant
     * @param field the field, named when it is out of range
     * @return epoch nanoseconds
     * @throws InvalidRequestException when the instant is before {@link #MIN} or after {@link #MAX}
     */
    public static long of(Instant instant, String field) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw InvalidRequestException.of(field, "must be between " + MIN + " and " + MAX + " to be stored");
        }
        return exact(instant);
    }

    /**
     * An instant used only to compare with stored ones, such as a query bound or "now": instants out
     * of range are clamped, which compares the same way.
     *
     * @param instant the instant
     * @return epoch nanoseconds, clamped
     */
    public static long bound(Instant instant) {
        if (instant.isBefore(MIN)) {
            return Long.MIN_VALUE;
        }
        if (instant.isAfter(MAX)) {
            return Long.MAX_VALUE;
        }
        return exact(instant);
    }

    /**
     * A stored value as an instant.
     *
     * @param nanos epoch nanoseconds
     * @return the instant
     */
    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static long exact(Instant instant) {
        // Instant.MIN-side values need the split form: epochSecond * 1e9 alone would overflow first.
        long seconds = instant.getEpochSecond();
        long nanos = instant.getNano();
        if (seconds < 0 && nanos > 0) {
            return Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000_000L), nanos - 1_000_000_000L);
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    }
}
