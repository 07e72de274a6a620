package org.medcoord.adapter.memory;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Values with a half-open interval, found by overlap with a period and returned in key order
 * (start, then a tie-breaking text, then a sequence number).
 *
 * <p>Values are kept in buckets by length, each a tree sorted by key: bucket {@code b} holds
 * intervals of {@code 2^(b-1)} up to {@code 2^b} seconds. Only values starting in
 * {@code [from - longest, to)} of a bucket can overlap {@code [from, to)}, and since lengths in a
 * bucket differ by at most a factor of two, few of those scanned miss. A query costs
 * O(b log n + k log k) for b non-empty buckets and k values near the period, so a single long
 * interval does not widen the scan for all the short ones.
 *
 * @param <V> the value type
 */
final class IntervalIndex<V> {
    private final List<Bucket<V>> buckets = new ArrayList<>();

    void put(Key key, Instant end, V value) {
        Duration length = Duration.between(key.start(), end);
        bucket(bucketOf(length), true).put(key, value, length);
    }

    void remove(Key key, Instant end) {
        Bucket<V> bucket = bucket(bucketOf(Duration.between(key.start(), end)), false);
        if (bucket != null) {
            bucket.byStart.remove(key);
        }
    }

    /**
     * The values that may overlap {@code [from, to)}, in key order: every one that does, and some
     * that end at or before {@code from}. Callers filter on the end.
     */
    Collection<V> candidates(Instant from, Instant to) {
        List<Collection<Map.Entry<Key, V>>> parts = new ArrayList<>();
        for (Bucket<V> bucket : buckets) {
            if (bucket != null && !bucket.byStart.isEmpty()) {
                Collection<Map.Entry<Key, V>> part = bucket.startingNear(from, to);
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        Collection<Map.Entry<Key, V>> merged = parts.get(0);
        if (parts.size() > 1) {
            List<Map.Entry<Key, V>> all = new ArrayList<>();
            parts.forEach(all::addAll);
            all.sort(Map.Entry.comparingByKey());
            merged = all;
        }
        List<V> values = new ArrayList<>(merged.size());
        for (Map.Entry<Key, V> entry : merged) {
            values.add(entry.getValue());
        }
        return values;
    }

    /** The bit length of the length in whole seconds: 0 for empty or negative intervals. */
    private static int bucketOf(Duration length) {
        long seconds = length.isNegative() ? 0 : length.getSeconds();
        return 64 - Long.numberOfLeadingZeros(seconds);
    }

    private Bucket<V> bucket(int index, boolean create) {
        while (create && buckets.size() <= index) {
            buckets.add(null);
        }
        if (index >= buckets.size()) {
            return null;
        }
        Bucket<V> bucket = buckets.get(index);
        if (bucket == null && create) {
            bucket = new Bucket<>();
            buckets.set(index, bucket);
        }
        return bucket;
    }

    /** Intervals of similar length; {@code longest} only grows, which keeps removal O(log n). */
    private static final class Bucket<V> {
        private final NavigableMap<Key, V> byStart = new TreeMap<>();
        private Duration longest = Duration.ZERO;

        void put(Key key, V value, Duration length) {
            byStart.put(key, value);
            if (length.compareTo(longest) > 0) {
                longest = length;
            }
        }

        Collection<Map.Entry<Key, V>> startingNear(Instant from, Instant to) {
            Instant lowest;
            try {
                lowest = from.minus(longest);
            } catch (DateTimeException | ArithmeticException e) {
                lowest = Instant.MIN;
            }
            if (!lowest.isBefore(to)) {
                return List.of();
            }
            return byStart.subMap(Key.first(lowest), true, Key.first(to), false).entrySet();
        }
    }

    /**
     * Where a value sits in an index.
     *
     * @param start the interval start
     * @param tie orders values with the same start
     * @param seq tells apart values with the same start and tie
     */
    record Key(Instant start, String tie, long seq) implements Comparable<Key> {
        /** A key before every key of an instant. */
        static Key first(Instant start) {
            return new Key(start, "", Long.MIN_VALUE);
        }

        @Override
        public int compareTo(Key other) {
            int byTime = start.compareTo(other.start);
            if (byTime != 0) {
                return byTime;
            }
            int byTie = tie.compareTo(other.tie);
            return byTie != 0 ? byTie : Long.compare(seq, other.seq);
        }
    }
}
