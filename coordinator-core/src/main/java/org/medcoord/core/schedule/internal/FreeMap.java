package org.medcoord.core.schedule.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where one resource has free capacity, one bit per {@link Granules granule} over the range
 * {@code [origin, origin + length)}. A set bit means free; granules outside the range count as
 * busy. All ranges are half-open and are clipped to the map.
 *
 * <p>Not thread-safe: build a map in one thread, then share it read-only (the search engine only
 * reads its candidates' maps).
 */
public final class FreeMap {

    /** Returned by {@link #nextFree(long)} when there is no free granule. */
    public static final long NONE = Long.MIN_VALUE;

    private final long origin;
    private final int length;
    /** Bit {@code i} of the map is bit {@code i & 63} of {@code words[i >>> 6]}; bits past length are 0. */
    final long[] words;

    /**
     * Creates a map on which every granule is busy.
     *
     * @param origin the first granule of the range
     * @param length the number of granules, at least 0
     * @throws IllegalArgumentException if the length is negative or the range overflows
     */
    public FreeMap(long origin, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        if (origin > Long.MAX_VALUE - length) {
            throw new IllegalArgumentException("range overflows: origin=" + origin + ", length=" + length);
        }
        this.origin = origin;
        this.length = length;
        this.words = new long[(int) (((long) length + 63) >>> 6)];
    }

    private FreeMap(long origin, int length, long[] words) {
        this.origin = origin;
        this.length = length;
        this.words = words;
    }

    /**
     * Creates a map on which every granule of the range is free.
     *
     * @param origin the first granule of the range
     * @param length the number of granules, at least 0
     * @return a new map
     */
    public static FreeMap allFree(long origin, int length) {
        FreeMap map = new FreeMap(origin, length);
        map.markFree(origin, origin + length);
        return map;
    }

    /**
     * The map of a resource that can serve {@code capacity} claims at once: a copy of
     * {@code base} on which every granule covered by at least {@code capacity} claims is busy.
     * Claim {@code i} covers {@code [starts[i], ends[i])}; claims may overlap and need not be
     * sorted, empty claims are ignored.
     *
     * @param base where the resource works at all (free = working)
     * @param starts the first granule of each claim
     * @param ends the granule after each claim
     * @param capacity how many claims the resource serves at once, at least 1
     * @return a new map; the inputs are not changed
     * @throws IllegalArgumentException if the arrays differ in length or capacity is below 1
     */
    public static FreeMap withClaims(FreeMap base, long[] starts, long[] ends, int capacity) {
        Objects.requireNonNull(base, "base");
        if (starts.length != ends.length) {
            throw new IllegalArgumentException(
                    "starts and ends differ in length: " + starts.length + " vs " + ends.length);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        FreeMap map = base.copy();
        if (capacity == 1) {
            for (int i = 0; i < starts.length; i++) {
                map.markBusy(starts[i], ends[i]);
            }
            return map;
        }
        long[] s = new long[starts.length];
        long[] e = new long[starts.length];
        int k = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < ends[i]) {
                s[k] = starts[i];
                e[k] = ends[i];
                k++;
            }
        }
        Arrays.sort(s, 0, k);
        Arrays.sort(e, 0, k);
        // Sweep the +1/-1 events; every end follows its start, so ends remain while starts do.
        int i = 0;
        int j = 0;
        int depth = 0;
        while (j < k) {
            long t = i < k ? Math.min(s[i], e[j]) : e[j];
            while (i < k && s[i] == t) {
                depth++;
                i++;
            }
            while (j < k && e[j] == t) {
                depth--;
                j++;
            }
            if (depth >= capacity) {
                map.markBusy(t, i < k ? Math.min(s[i], e[j]) : e[j]);
            }
        }
        return map;
    }

    /**
     * The first granule of the range.
     *
     * @return the origin
     */
    public long origin() {
        return origin;
    }

    /**
     * The number of granules in the range.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /**
     * The granule after the range: {@code origin() + length()}.
     *
     * @return the end of the range
     */
    public long end() {
        return origin + length;
    }

    /**
     * Marks {@code [from, to)} free, clipped to the range.
     *
     * @param from the first granule
     * @param to the granule after the last
     */
    public void markFree(long from, long to) {
        long lo = Math.max(from, origin);
        long hi = Math.min(to, origin + length);
        if (lo < hi) {
            int a = (int) (lo - origin);
            int b = (int) (hi - origin);
            int wa = a >>> 6;
            int wb = (b - 1) >>> 6;
            long first = -1L << a;
            long last = -1L >>> -b;
            if (wa == wb) {
                words[wa] |= first & last;
            } else {
                words[wa] |= first;
                Arrays.fill(words, wa + 1, wb, -1L);
                words[wb] |= last;
            }
        }
    }

    /**
     * Marks {@code [from, to)} busy, clipped to the range.
     *
     * @param from the first granule
     * @param to the granule after the last
     */
    public void markBusy(long from, long to) {
        long lo = Math.max(from, origin);
        long hi = Math.min(to, origin + length);
        if (lo < hi) {
            int a = (int) (lo - origin);
            int b = (int) (hi - origin);
            int wa = a >>> 6;
            int wb = (b - 1) >>> 6;
            long first = -1L << a;
            long last = -1L >>> -b;
            if (wa == wb) {
                words[wa] &= ~(first & last);
            } else {
                words[wa] &= ~first;
                Arrays.fill(words, wa + 1, wb, 0L);
                words[wb] &= ~last;
            }
        }
    }

    /**
     * Whether a granule is free.
     *
     * @param granule any granule
     * @return true if it is in the range and free
     */
    public boolean isFree(long granule) {
        long i = granule - origin;
        return i >= 0 && i < length && (words[(int) (i >>> 6)] >>> i & 1L) != 0;
    }

    /**
     * Whether every granule of {@code [from, to)} is free. An empty range is free.
     *
     * @param from the first granule
     * @param to the granule after the last
     * @return true if all are free
     */
    public boolean isFreeRange(long from, long to) {
        if (from >= to) {
            return true;
        }
        if (from < origin || to > origin + length) {
            return false;
        }
        int a = (int) (from - origin);
        int b = (int) (to - origin);
        int wa = a >>> 6;
        int wb = (b - 1) >>> 6;
        long first = -1L << a;
        long last = -1L >>> -b;
        if (wa == wb) {
            long mask = first & last;
            return (words[wa] & mask) == mask;
        }
        if ((words[wa] & first) != first || (words[wb] & last) != last) {
            return false;
        }
        for (int w = wa + 1; w < wb; w++) {
            if (words[w] != -1L) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first free granule at or after {@code from}.
     *
     * @param from where to start looking
     * @return the granule, or {@link #NONE} if none is free
     */
    public long nextFree(long from) {
        long start = Math.max(from, origin);
        if (start >= origin + length) {
            return NONE;
        }
        int i = (int) (start - origin);
        int w = i >>> 6;
        long word = words[w] & (-1L << i);
        while (word == 0) {
            if (++w == words.length) {
                return NONE;
            }
            word = words[w];
        }
        return origin + ((long) w << 6) + Long.numberOfTrailingZeros(word);
    }

    /**
     * The first busy granule at or after {@code from}; granules outside the range are busy, so
     * there always is one.
     *
     * @param from where to start looking
     * @return the granule, {@code from} itself if it is busy
     */
    public long nextBusy(long from) {
        if (from < origin || from >= origin + length) {
            return from;
        }
        int i = (int) (from - origin);
        int w = i >>> 6;
        long word = ~words[w] & (-1L << i);
        while (word == 0) {
            if (++w == words.length) {
                return origin + length;
            }
            word = ~words[w];
        }
        long index = ((long) w << 6) + Long.numberOfTrailingZeros(word);
        return origin + Math.min(index, length);
    }

    /**
     * How many granules are free.
     *
     * @return the count
     */
    public int countFree() {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /**
     * An independent copy.
     *
     * @return a new map with the same range and bits
     */
    public FreeMap copy() {
        return new FreeMap(origin, length, words.clone());
    }

    /**
     * The 64 bits starting at {@code granule}: bit {@code j} is set when {@code granule + j} is
     * free. Granules outside the range read as busy.
     */
    long bits64(long granule) {
        long i = granule - origin;
        if (i >= 0) {
            if (i >= length) {
                return 0;
            }
            int w = (int) (i >>> 6);
            int b = (int) i & 63;
            long bits = words[w] >>> b;
            if (b != 0 && w + 1 < words.length) {
                bits |= words[w + 1] << -b;
            }
            return bits;
        }
        if (i <= -64 || words.length == 0) {
            return 0;
        }
        return words[0] << -i;
    }

    /** Two maps are equal when they have the same range and the same free granules. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FreeMap other
                && origin == other.origin
                && length == other.length
                && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(origin) * 31 * 31 + length * 31 + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "FreeMap[origin=" + origin + ", length=" + length + ", free=" + countFree() + "]";
    }
}
