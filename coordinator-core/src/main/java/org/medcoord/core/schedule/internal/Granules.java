package org.medcoord.core.schedule.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as whole five-minute granules counted from the Unix epoch: granule {@code g} covers
 * {@code [g * 300 s, (g + 1) * 300 s)}. Granule numbers may be negative (before 1970).
 */
public final class Granules {

    /** Seconds in one granule. */
    public static final long SECONDS = 300;

    /** The length of one granule. */
    public static final Duration LENGTH = Duration.ofSeconds(SECONDS);

    /** Granules in one hour. */
    public static final int PER_HOUR = 12;

    /** Granules in a 24-hour day (days with a daylight-saving change have 276 or 300). */
    public static final int PER_DAY = 288;

    private Granules() {
    }

    /**
     * The granule that contains an instant.
     *
     * @param instant any instant
     * @return the greatest {@code g} with {@code toInstant(g) <= instant}
     */
    public static long floor(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS);
    }

    /**
     * The first granule that starts at or after an instant.
     *
     * @param instant any instant
     * @return the least {@code g} with {@code toInstant(g) >= instant}
     */
    public static long ceil(Instant instant) {
        long floor = floor(instant);
        boolean onBoundary = instant.getNano() == 0 && Math.floorMod(instant.getEpochSecond(), SECONDS) == 0;
        return onBoundary ? floor : floor + 1;
    }

    /**
     * The instant at which a granule starts.
     *
     * @param granule a granule number
     * @return its start
     * @throws ArithmeticException if the instant is out of range
     */
    public static Instant toInstant(long granule) {
        return Instant.ofEpochSecond(Math.multiplyExact(granule, SECONDS));
    }

    /**
     * How many granules a duration needs, rounded up: a 7-minute visit needs 2.
     *
     * @param duration a non-negative duration
     * @return the number of granules
     * @throws IllegalArgumentException if the duration is negative
     * @throws ArithmeticException if the count does not fit an {@code int}
     */
    public static int count(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        long seconds = duration.getSeconds() + (duration.getNano() == 0 ? 0 : 1);
        return Math.toIntExact((seconds + SECONDS - 1) / SECONDS);
    }
}
