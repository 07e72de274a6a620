package org.medcoord.example.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medcoord.core.schedule.internal.SlotEngine.Match;
import org.medcoord.example.benchmarks.SyntheticCalendar.Timeline;

/**
 * What the engine is measured against: searches over each resource's sorted working and busy
 * intervals, one start at a time, with the engine's exact semantics (same matches, same
 * assignments).
 *
 * <ul>
 *   <li>{@link #checkEveryCandidate}: the straightforward sweep. At each start it checks every
 *       candidate of every role by binary search, then picks the lexicographically first
 *       assignment of distinct resources by backtracking.
 *   <li>{@link #firstFit}: a tuned sweep. Backtracking asks about a candidate only when it needs
 *       to, and each resource keeps cursors into its intervals that only move forward, so a check
 *       costs O(1) amortised.
 * </ul>
 */
final class SweepBaseline {

    private SweepBaseline() {
    }

    static List<Match> checkEveryCandidate(SyntheticCalendar calendar, Visit visit) {
        Timeline[] timelines = calendar.timelines;
        int[][] roles = visit.roles();
        boolean[][] fit = new boolean[roles.length][];
        for (int r = 0; r < roles.length; r++) {
            fit[r] = new boolean[roles[r].length];
        }
        int[] chosen = new int[roles.length];
        List<Match> matches = new ArrayList<>();
        for (long s = visit.firstStart(); s < visit.to(); s += visit.step()) {
            long from = s - visit.before();
            long to = s + visit.duration() + visit.after();
            for (int r = 0; r < roles.length; r++) {
                for (int j = 0; j < roles[r].length; j++) {
                    fit[r][j] = fits(timelines[roles[r][j]], from, to);
                }
            }
            if (assign(roles, fit, chosen, 0)) {
                matches.add(new Match(s, chosen));
                if (matches.size() == visit.limit()) {
                    break;
                }
            }
        }
        return matches;
    }

    private static boolean assign(int[][] roles, boolean[][] fit, int[] chosen, int r) {
        if (r == roles.length) {
            return true;
        }
        candidates:
        for (int j = 0; j < roles[r].length; j++) {
            if (!fit[r][j]) {
                continue;
            }
            int key = roles[r][j];
            for (int q = 0; q < r; q++) {
                if (chosen[q] == key) {
                    continue candidates;
                }
            }
            chosen[r] = key;
            if (assign(roles, fit, chosen, r + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [from, to)} lies inside one working interval and meets no busy interval. */
    static boolean fits(Timeline t, long from, long to) {
        int w = upperBound(t.workStart(), from) - 1;
        if (w < 0 || t.workEnd()[w] < to) {
            return false;
        }
        int b = lowerBound(t.busyStart(), to) - 1;
        return b < 0 || t.busyMaxEnd()[b] <= from;
    }

    /** The number of elements {@code <= key}. */
    private static int upperBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of elements {@code < key}. */
    private static int lowerBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static List<Match> firstFit(SyntheticCalendar calendar, Visit visit) {
        return new FirstFit(calendar, visit).run();
    }

    /** The starts at which one resource is free for the visit, by the straightforward check. */
    static long[] availability(SyntheticCalendar calendar, int resource, Visit visit) {
        Timeline t = calendar.timelines[resource];
        long[] starts = new long[64];
        int n = 0;
        for (long s = visit.firstStart(); s < visit.to(); s += visit.step()) {
            if (fits(t, s - visit.before(), s + visit.duration() + visit.after())) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = s;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** The same, with forward-only cursors instead of binary search. */
    static long[] availabilityByCursor(SyntheticCalendar calendar, int resource, Visit visit) {
        Timeline t = calendar.timelines[resource];
        long[] starts = new long[64];
        int n = 0;
        int w = 0;
        int b = 0;
        for (long s = visit.firstStart(); s < visit.to(); s += visit.step()) {
            long from = s - visit.before();
            long to = s + visit.duration() + visit.after();
            while (w < t.workStart().length && t.workStart()[w] <= from) {
                w++;
            }
            if (w == 0 || t.workEnd()[w - 1] < to) {
                continue;
            }
            while (b < t.busyStart().length && t.busyStart()[b] < to) {
                b++;
            }
            if (b == 0 || t.busyMaxEnd()[b - 1] <= from) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = s;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** Lazy backtracking over forward-only cursors. */
    private static final class FirstFit {
        private final Timeline[] timelines;
        private final Visit visit;
        private final int[][] roles;
        private final int[] workCursor;
        private final int[] busyCursor;
        private final int[] chosen;
        private long from;
        private long to;

        FirstFit(SyntheticCalendar calendar, Visit visit) {
            this.timelines = calendar.timelines;
            this.visit = visit;
            this.roles = visit.roles();
            this.workCursor = new int[timelines.length];
            this.busyCursor = new int[timelines.length];
            this.chosen = new int[roles.length];
        }

        List<Match> run() {
            List<Match> matches = new ArrayList<>();
            for (long s = visit.firstStart(); s < visit.to(); s += visit.step()) {
                from = s - visit.before();
                to = s + visit.duration() + visit.after();
                if (assign(0)) {
                    matches.add(new Match(s, chosen));
                    if (matches.size() == visit.limit()) {
                        break;
                    }
                }
            }
            return matches;
        }

        private boolean assign(int r) {
            if (r == roles.length) {
                return true;
            }
            candidates:
            for (int key : roles[r]) {
                for (int q = 0; q < r; q++) {
                    if (chosen[q] == key) {
                        continue candidates;
                    }
                }
                if (!fits(key)) {
                    continue;
                }
                chosen[r] = key;
                if (assign(r + 1)) {
                    return true;
                }
            }
            return false;
        }

        private boolean fits(int resource) {
            Timeline t = timelines[resource];
            int w = workCursor[resource];
            while (w < t.workStart().length && t.workStart()[w] <= from) {
                w++;
            }
            workCursor[resource] = w;
            if (w == 0 || t.workEnd()[w - 1] < to) {
                return false;
            }
            int b = busyCursor[resource];
            while (b < t.busyStart().length && t.busyStart()[b] < to) {
                b++;
            }
            busyCursor[resource] = b;
            return b == 0 || t.busyMaxEnd()[b - 1] <= from;
        }
    }
}
