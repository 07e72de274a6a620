package org.medcoord.core.schedule.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the starts at which a visit can take place: every role gets a distinct resource that is
 * free for the whole visit, including the buffers before and after it.
 *
 * <p>The search walks the requested starts 64 at a time (one {@code long} word). For each word it
 * computes, per candidate, a "fits" word whose bit {@code p} says the candidate is free on every
 * granule of the visit's window for start {@code p}: a sliding-window AND of the free bits, done
 * with log-doubling shifts on two words held in registers. The fits of a role's candidates are
 * OR-ed (stopping as soon as every still-possible start is covered, so later candidates are
 * computed only if the assignment step asks for them) and the role unions are AND-ed with the
 * requested range, the step and the allowed starts. Only the surviving starts go through the exact
 * assignment, in ascending order, and the search stops as soon as {@code limit} matches are found.
 *
 * <p>Stateless and thread-safe; the candidates' maps are only read.
 */
public final class SlotEngine {

    /** The most roles one request may have. */
    public static final int MAX_ROLES = 8;

    private SlotEngine() {
    }

    /**
     * A resource that may fill a role, with its free map.
     *
     * @param resourceKey identifies the resource; the same key in two roles is the same resource
     * @param free where the resource is free
     */
    public record Candidate(int resourceKey, FreeMap free) {
        /**
         * Checks the map is present.
         *
         * @param resourceKey the key
         * @param free the map
         */
        public Candidate {
            Objects.requireNonNull(free, "free");
        }
    }

    /**
     * One resource the visit needs, and who may fill it.
     *
     * @param candidates in order of preference, best first; may be empty (then nothing matches)
     */
    public record Role(List<Candidate> candidates) {
        /**
         * Copies the candidates.
         *
         * @param candidates the candidates
         */
        public Role {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * What to search for. All times are in granules.
     *
     * @param fromGranule the first start to consider
     * @param toGranule the granule after the last start to consider
     * @param step starts must be multiples of this (counted from granule 0), at least 1
     * @param before buffer before the visit, at least 0
     * @param duration the visit itself, at least 1
     * @param after buffer after the visit, at least 0
     * @param allowedStarts if not null, a start must be free in this map
     * @param roles the resources the visit needs, 1 to {@value SlotEngine#MAX_ROLES}
     * @param limit the most matches to return, at least 1; {@link Integer#MAX_VALUE} for all
     */
    public record Request(long fromGranule, long toGranule, int step, int before, int duration, int after,
            FreeMap allowedStarts, List<Role> roles, int limit) {
        /**
         * Validates the request and copies the roles.
         *
         * @param fromGranule the first start
         * @param toGranule the end of the starts
         * @param step the step
         * @param before buffer before
         * @param duration the duration
         * @param after buffer after
         * @param allowedStarts allowed starts or null
         * @param roles the roles
         * @param limit the limit
         * @throws IllegalArgumentException if a value is out of range
         */
        public Request {
            if (toGranule < fromGranule || toGranule - fromGranule > Integer.MAX_VALUE - 64) {
                throw new IllegalArgumentException(
                        "invalid range: fromGranule=" + fromGranule + ", toGranule=" + toGranule);
            }
            if (step < 1) {
                throw new IllegalArgumentException("step must be at least 1: " + step);
            }
            if (before < 0 || after < 0) {
                throw new IllegalArgumentException("buffers must not be negative: before=" + before
                        + ", after=" + after);
            }
            if (duration < 1) {
                throw new IllegalArgumentException("duration must be at least 1: " + duration);
            }
            if ((long) before + duration + after > Integer.MAX_VALUE - 64) {
                throw new IllegalArgumentException("window too long: before=" + before + ", duration="
                        + duration + ", after=" + after);
            }
            roles = List.copyOf(roles);
            if (roles.isEmpty() || roles.size() > MAX_ROLES) {
                throw new IllegalArgumentException(
                        "roles must number 1 to " + MAX_ROLES + ": " + roles.size());
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1: " + limit);
            }
        }

        /**
         * The window a start occupies: {@code before + duration + after} granules.
         *
         * @return the window length
         */
        public int window() {
            return before + duration + after;
        }
    }

    /**
     * A start at which the visit fits, with the resource chosen for each role.
     *
     * @param start the start granule
     * @param resourceKeys {@code resourceKeys[i]} fills role {@code i}; pairwise distinct
     */
    public record Match(long start, int[] resourceKeys) {
        /**
         * Copies the keys.
         *
         * @param start the start
         * @param resourceKeys the keys
         */
        public Match {
            resourceKeys = resourceKeys.clone();
        }

        /**
         * The keys, one per role.
         *
         * @return a copy of the keys
         */
        @Override
        public int[] resourceKeys() {
            return resourceKeys.clone();
        }

        /**
         * The resource chosen for one role.
         *
         * @param role the role index
         * @return its resource key
         */
        public int resourceKey(int role) {
            return resourceKeys[role];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Match other && start == other.start
                    && Arrays.equals(resourceKeys, other.resourceKeys);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(start) * 31 + Arrays.hashCode(resourceKeys);
        }

        @Override
        public String toString() {
            return "Match[start=" + start + ", resourceKeys=" + Arrays.toString(resourceKeys) + "]";
        }
    }

    /**
     * The matches of a request, by start ascending, at most {@code limit} of them. At each start
     * the roles are filled with the lexicographically first valid choice of candidate indexes
     * (role 0's index first), i.e. what backtracking in role order over candidates in preference
     * order finds first.
     *
     * @param request what to search for
     * @return the matches, a new list
     */
    public static List<Match> search(Request request) {
        Objects.requireNonNull(request, "request");
        return new Search(request).run();
    }

    /**
     * The starts at which each role, on its own, has a candidate free for the whole window,
     * within the range, on the step and allowed. This ignores that one resource cannot fill two
     * roles, so it is exact for one role and a superset of the matches' starts otherwise.
     *
     * @param request what to search for; its limit is ignored
     * @return a new map with origin {@code fromGranule} and length {@code toGranule - fromGranule}
     */
    public static FreeMap feasibleStarts(Request request) {
        Objects.requireNonNull(request, "request");
        return new Search(request).feasible();
    }

    /** The shifts that turn a free word into a fits word for a window of {@code length <= 64}. */
    private static int[] doublingPlan(int length) {
        int[] plan = new int[7];
        int n = 0;
        for (int covered = 1; covered < length; ) {
            int shift = Math.min(covered, length - covered);
            plan[n++] = shift;
            covered += shift;
        }
        return Arrays.copyOf(plan, n);
    }

    /**
     * Bit {@code p} of the result: {@code map} is free on {@code [granule + p, granule + p + L)},
     * where {@code L <= 64} is the window the plan was made for.
     */
    private static long fitsShort(FreeMap map, long granule, int[] plan) {
        long a = map.bits64(granule);
        if (a == 0 || plan.length == 0) {
            return a;
        }
        long b = map.bits64(granule + 64);
        // a holds windows starting at bits 0..63, b those at 64..127; a window shorter than 65
        // starting in a never reaches past b, so two words suffice.
        for (int shift : plan) {
            a &= (a >>> shift) | (b << -shift);
            b &= b >>> shift;
        }
        return a;
    }

    /** The state of one call; not shared between threads. */
    private static final class Search {
        private final Request request;
        private final long from;
        private final int startCount;
        private final int roleCount;
        /** Candidates of role r are at flat indexes roleStart[r] until roleStart[r + 1]. */
        private final int[] roleStart;
        private final FreeMap[] maps;
        private final int[] keys;
        /** Keys renumbered 0..distinct-1, to index the matching arrays. */
        private final int[] keyIds;
        /** Roles by ascending candidate count: the order in which unions are computed. */
        private final int[] unionOrder;

        private final int fullBlocks;
        private final int[] blockPlan;
        private final int[] tailPlan;

        /** Fits words of the current start word, by flat candidate index. */
        private final long[] fits;
        /** Per role, how many leading candidates have their fits word computed. */
        private final int[] evaluated;
        /** The first window granule of the current word: its first start minus before. */
        private long windowBase;

        private final int[] chosen;
        private final int[] used;
        private int usedEpoch;
        private final int[] visited;
        private int visitEpoch;
        private final int[] owned;
        private final int[] owner;
        private int ownerEpoch;

        Search(Request request) {
            this.request = request;
            this.from = request.fromGranule();
            this.startCount = (int) (request.toGranule() - request.fromGranule());
            List<Role> roles = request.roles();
            this.roleCount = roles.size();
            this.roleStart = new int[roleCount + 1];
            for (int r = 0; r < roleCount; r++) {
                roleStart[r + 1] = roleStart[r] + roles.get(r).candidates().size();
            }
            int total = roleStart[roleCount];
            this.maps = new FreeMap[total];
            this.keys = new int[total];
            this.keyIds = new int[total];
            Map<Integer, Integer> ids = new HashMap<>();
            for (int r = 0; r < roleCount; r++) {
                List<Candidate> candidates = roles.get(r).candidates();
                for (int j = 0; j < candidates.size(); j++) {
                    Candidate candidate = candidates.get(j);
                    int flat = roleStart[r] + j;
                    maps[flat] = candidate.free();
                    keys[flat] = candidate.resourceKey();
                    keyIds[flat] = ids.computeIfAbsent(candidate.resourceKey(), k -> ids.size());
                }
            }
            this.unionOrder = new int[roleCount];
            Integer[] order = new Integer[roleCount];
            for (int r = 0; r < roleCount; r++) {
                order[r] = r;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(
                    roleStart[x + 1] - roleStart[x], roleStart[y + 1] - roleStart[y]));
            for (int r = 0; r < roleCount; r++) {
                unionOrder[r] = order[r];
            }

            int window = request.window();
            this.fullBlocks = window / 64;
            this.blockPlan = doublingPlan(64);
            this.tailPlan = window % 64 == 0 ? null : doublingPlan(window % 64);

            this.fits = new long[total];
            this.evaluated = new int[roleCount];
            this.chosen = new int[roleCount];
            this.used = new int[ids.size()];
            this.visited = new int[ids.size()];
            this.owned = new int[ids.size()];
            this.owner = new int[ids.size()];
        }

        /** Fits word of one map for the 64 starts of the current word. */
        private long fitsWord(FreeMap map) {
            long acc = -1L;
            long granule = windowBase;
            for (int block = 0; block < fullBlocks; block++, granule += 64) {
                acc &= fitsShort(map, granule, blockPlan);
                if (acc == 0) {
                    return 0;
                }
            }
            return tailPlan == null ? acc : acc & fitsShort(map, granule, tailPlan);
        }

        FreeMap feasible() {
            FreeMap result = new FreeMap(from, startCount);
            long[] out = result.words;
            StepPattern steps = new StepPattern(from, request.step());
            FreeMap allowed = request.allowedStarts();
            for (int w = 0; w < out.length; w++) {
                long first = from + ((long) w << 6);
                long mask = steps.next();
                if (w == out.length - 1) {
                    mask &= -1L >>> -startCount;
                }
                if (allowed != null) {
                    mask &= allowed.bits64(first);
                }
                if (mask == 0) {
                    continue;
                }
                windowBase = first - request.before();
                for (int i = 0; i < roleCount && mask != 0; i++) {
                    int r = unionOrder[i];
                    long union = 0;
                    for (int c = roleStart[r]; c < roleStart[r + 1] && (mask & ~union) != 0; c++) {
                        union |= fitsWord(maps[c]);
                    }
                    mask &= union;
                }
                out[w] = mask;
            }
            return result;
        }

        List<Match> run() {
            int limit = request.limit();
            List<Match> matches = new ArrayList<>(Math.min(limit, 64));
            int wordCount = (int) (((long) startCount + 63) >>> 6);
            StepPattern steps = new StepPattern(from, request.step());
            FreeMap allowed = request.allowedStarts();
            for (int w = 0; w < wordCount; w++) {
                long first = from + ((long) w << 6);
                long mask = steps.next();
                if (w == wordCount - 1) {
                    mask &= -1L >>> -startCount;
                }
                if (allowed != null) {
                    mask &= allowed.bits64(first);
                }
                if (mask == 0) {
                    continue;
                }
                windowBase = first - request.before();
                for (int i = 0; i < roleCount && mask != 0; i++) {
                    int r = unionOrder[i];
                    long union = 0;
                    int c = roleStart[r];
                    int end = roleStart[r + 1];
                    while (c < end && (mask & ~union) != 0) {
                        long f = fitsWord(maps[c]);
                        fits[c++] = f;
                        union |= f;
                    }
                    evaluated[r] = c - roleStart[r];
                    mask &= union;
                }
                while (mask != 0) {
                    int p = Long.numberOfTrailingZeros(mask);
                    mask &= mask - 1;
                    if (assign(p)) {
                        int[] chosenKeys = new int[roleCount];
                        for (int r = 0; r < roleCount; r++) {
                            chosenKeys[r] = keys[roleStart[r] + chosen[r]];
                        }
                        matches.add(new Match(first + p, chosenKeys));
                        if (matches.size() == limit) {
                            return matches;
                        }
                    }
                }
            }
            return matches;
        }

        /** Whether candidate {@code j} of role {@code r} fits start bit {@code p} of the current word. */
        private boolean fits(int r, int j, int p) {
            int flat = roleStart[r] + j;
            int done = evaluated[r];
            if (j >= done) {
                for (int c = roleStart[r] + done; c <= flat; c++) {
                    fits[c] = fitsWord(maps[c]);
                }
                evaluated[r] = j + 1;
            }
            return (fits[flat] >>> p & 1L) != 0;
        }

        /**
         * Fills {@link #chosen} with the lexicographically first assignment at start bit {@code p}:
         * role by role, the first candidate that fits, is not taken, and leaves a complete
         * assignment possible for the later roles (checked by bipartite matching, so no start
         * costs more than polynomial time however the roles share candidates).
         */
        private boolean assign(int p) {
            usedEpoch = nextEpoch(used, usedEpoch);
            for (int r = 0; r < roleCount; r++) {
                int count = roleStart[r + 1] - roleStart[r];
                int found = -1;
                for (int j = 0; j < count && found < 0; j++) {
                    if (!fits(r, j, p)) {
                        continue;
                    }
                    int id = keyIds[roleStart[r] + j];
                    if (used[id] == usedEpoch) {
                        continue;
                    }
                    used[id] = usedEpoch;
                    if (r == roleCount - 1 || completable(r + 1, p)) {
                        found = j;
                    } else {
                        used[id] = 0;
                    }
                }
                if (found < 0) {
                    return false;
                }
                chosen[r] = found;
            }
            return true;
        }

        /** Whether roles {@code from..} can all get distinct resources not yet used (Kuhn's algorithm). */
        private boolean completable(int fromRole, int p) {
            ownerEpoch = nextEpoch(owned, ownerEpoch);
            for (int r = fromRole; r < roleCount; r++) {
                visitEpoch = nextEpoch(visited, visitEpoch);
                if (!augment(r, p)) {
                    return false;
                }
            }
            return true;
        }

        private boolean augment(int r, int p) {
            int count = roleStart[r + 1] - roleStart[r];
            for (int j = 0; j < count; j++) {
                if (!fits(r, j, p)) {
                    continue;
                }
                int id = keyIds[roleStart[r] + j];
                if (used[id] == usedEpoch || visited[id] == visitEpoch) {
                    continue;
                }
                visited[id] = visitEpoch;
                if (owned[id] != ownerEpoch || augment(owner[id], p)) {
                    owned[id] = ownerEpoch;
                    owner[id] = r;
                    return true;
                }
            }
            return false;
        }

        /** Advances a stamp so that no entry of {@code marks} equals it. */
        private static int nextEpoch(int[] marks, int epoch) {
            if (epoch == Integer.MAX_VALUE) {
                Arrays.fill(marks, 0);
                return 1;
            }
            return epoch + 1;
        }
    }

    /** The starts aligned to the step, one word of 64 consecutive starts at a time. */
    private static final class StepPattern {
        private final long base;
        private final int step;
        private final int advance;
        private int offset;

        StepPattern(long first, int step) {
            long base = 0;
            for (int bit = 0; bit < 64; bit += step) {
                base |= 1L << bit;
            }
            this.base = base;
            this.step = step;
            this.advance = 64 % step;
            this.offset = (int) Math.floorMod(-first, (long) step);
        }

        /** The aligned starts among the next 64, then moves on by 64. */
        long next() {
            long bits = offset < 64 ? base << offset : 0;
            offset -= advance;
            if (offset < 0) {
                offset += step;
            }
            return bits;
        }
    }
}
