package org.medcoord.core.schedule.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** Start words per chunk when computing feasible starts. */
    private static final int CHUNK_WORDS = 32;

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
            long span = toGranule - fromGranule;
            if (toGranule < fromGranule || span < 0 || span > Integer.MAX_VALUE - 64) {
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
     * where {@code L <= 64} is the window the plan was made for and {@code a} is
     * {@code map.bits64(granule)}.
     */
    private static long fitsShort(FreeMap map, long granule, long a, int[] plan) {
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
        private final Role[] roles;
        /**
         * Flat copies of the candidates' maps and keys; role r's are filled up to loaded[r] on
         * first use, since an early-stopping search often never looks at most candidates.
         */
        private final FreeMap[] maps;
        private final int[] keys;
        private final int[] loaded;
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
        /**
         * Per flat candidate, once a word without a free granule was seen: the map's next free
         * granule, so a start word whose windows begin 64 or more granules earlier fits nowhere.
         */
        private long[] quietUntil;
        /** {@link #fitsAt}'s memory: the bits of {@code carriedMap} from {@code carriedGranule}. */
        private FreeMap carriedMap;
        private long carriedGranule;
        private long carriedBits;

        /** Per role, the key of the chosen candidate. */
        private final int[] chosenKeys;
        /** Per role, the key it holds in the trial matching of {@link #completable}. */
        private final int[] matchedKey;
        private final boolean[] matched;
        private final boolean[] visited;

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
            this.roles = roles.toArray(new Role[0]);
            this.maps = new FreeMap[total];
            this.keys = new int[total];
            this.loaded = Arrays.copyOf(roleStart, roleCount);
            this.unionOrder = new int[roleCount];
            for (int r = 0; r < roleCount; r++) {
                int size = roleStart[r + 1] - roleStart[r];
                int i = r;
                while (i > 0 && roleStart[unionOrder[i - 1] + 1] - roleStart[unionOrder[i - 1]] > size) {
                    unionOrder[i] = unionOrder[i - 1];
                    i--;
                }
                unionOrder[i] = r;
            }

            int window = request.window();
            this.fullBlocks = window / 64;
            this.blockPlan = doublingPlan(64);
            this.tailPlan = window % 64 == 0 ? null : doublingPlan(window % 64);

            this.fits = new long[total];
            this.evaluated = new int[roleCount];
            this.chosenKeys = new int[roleCount];
            this.matchedKey = new int[roleCount];
            this.matched = new boolean[roleCount];
            this.visited = new boolean[roleCount];
        }

        /** The map of the candidate at flat index {@code flat}, which belongs to role {@code r}. */
        private FreeMap map(int r, int flat) {
            if (flat >= loaded[r]) {
                List<Candidate> candidates = roles[r].candidates();
                for (int c = loaded[r]; c <= flat; c++) {
                    Candidate candidate = candidates.get(c - roleStart[r]);
                    maps[c] = candidate.free();
                    keys[c] = candidate.resourceKey();
                }
                loaded[r] = flat + 1;
            }
            return maps[flat];
        }

        /**
         * Bit {@code p}: {@code map} is free on the whole window that begins at
         * {@code granule + p}; {@code first} is {@code map.bits64(granule)}.
         */
        private long fitsWord(FreeMap map, long granule, long first) {
            if (fullBlocks == 0) {
                return fitsShort(map, granule, first, tailPlan);
            }
            long acc = fitsShort(map, granule, first, blockPlan);
            for (int block = 1; block < fullBlocks && acc != 0; block++) {
                granule += 64;
                acc &= fitsShort(map, granule, map.bits64(granule), blockPlan);
            }
            if (tailPlan == null || acc == 0) {
                return acc;
            }
            granule += 64;
            return acc & fitsShort(map, granule, map.bits64(granule), tailPlan);
        }

        /**
         * The fits word of flat candidate {@code c} (of role {@code r}) for the current start
         * word. A candidate found with no free granule in a word is not read again until its
         * next free granule, so nights and weekends cost one comparison per candidate and word.
         */
        private long evaluate(int r, int c) {
            if (quietUntil != null && windowBase + 64 <= quietUntil[c]) {
                return 0;
            }
            FreeMap map = map(r, c);
            long first = map.bits64(windowBase);
            if (first != 0) {
                return fitsWord(map, windowBase, first);
            }
            if (quietUntil == null) {
                quietUntil = new long[maps.length];
                Arrays.fill(quietUntil, Long.MIN_VALUE);
            }
            long next = map.nextFree(windowBase);
            quietUntil[c] = next == FreeMap.NONE ? Long.MAX_VALUE : next;
            return 0;
        }

        FreeMap feasible() {
            FreeMap result = new FreeMap(from, startCount);
            long[] out = result.words;
            StepPattern steps = new StepPattern(from, request.step());
            FreeMap allowed = request.allowedStarts();
            for (int w = 0; w < out.length; w++) {
                out[w] = steps.next();
                if (allowed != null) {
                    out[w] &= allowed.bits64(from + ((long) w << 6));
                }
            }
            if (out.length > 0) {
                out[out.length - 1] &= -1L >>> -startCount;
            }
            long[] union = null;
            for (int chunk = 0; chunk < out.length; chunk += CHUNK_WORDS) {
                int n = Math.min(CHUNK_WORDS, out.length - chunk);
                long firstWindow = from + ((long) chunk << 6) - request.before();
                boolean any = true;
                for (int i = 0; i < roleCount && any; i++) {
                    int r = unionOrder[i];
                    if (roleStart[r + 1] - roleStart[r] == 1) {
                        any = andFits(map(r, roleStart[r]), firstWindow, out, chunk, n);
                        continue;
                    }
                    if (union == null) {
                        union = new long[Math.min(out.length, CHUNK_WORDS)];
                    }
                    Arrays.fill(union, 0, n, 0L);
                    boolean open = true;
                    for (int c = roleStart[r]; c < roleStart[r + 1] && open; c++) {
                        open = orFits(map(r, c), firstWindow, out, chunk, union, n);
                    }
                    any = false;
                    for (int k = 0; k < n; k++) {
                        out[chunk + k] &= union[k];
                        any |= out[chunk + k] != 0;
                    }
                }
            }
            return result;
        }

        /**
         * ORs into {@code union[k]} the fits word of {@code map} for start word {@code k} of a
         * chunk, for each {@code k < n} where a start wanted by {@code mask[offset + k]} is not yet
         * covered.
         *
         * @return whether some wanted start is still not covered
         */
        private boolean orFits(FreeMap map, long firstWindow, long[] mask, int offset, long[] union, int n) {
            boolean open = false;
            for (int k = 0; k < n; k++) {
                long need = mask[offset + k] & ~union[k];
                if (need != 0) {
                    long f = fitsAt(map, firstWindow + ((long) k << 6));
                    union[k] |= f;
                    open |= (need & ~f) != 0;
                }
            }
            return open;
        }

        /**
         * ANDs into {@code mask[offset + k]} the fits word of {@code map} for start word {@code k}
         * of a chunk, for each {@code k < n}: the starts a role with this one candidate allows.
         *
         * @return whether some start is left
         */
        private boolean andFits(FreeMap map, long firstWindow, long[] mask, int offset, int n) {
            boolean any = false;
            for (int k = 0; k < n; k++) {
                long m = mask[offset + k];
                if (m != 0) {
                    m &= fitsAt(map, firstWindow + ((long) k << 6));
                    mask[offset + k] = m;
                    any |= m != 0;
                }
            }
            return any;
        }

        /**
         * The fits word of {@link #fitsWord}, but for a window of at most 64 granules reusing the
         * upper word read by the previous call when it was for the same map and the word before:
         * a scan along one map then reads each word of it once.
         */
        private long fitsAt(FreeMap map, long granule) {
            if (fullBlocks != 0) {
                return fitsWord(map, granule, map.bits64(granule));
            }
            long a = map == carriedMap && granule == carriedGranule ? carriedBits : map.bits64(granule);
            if (a == 0 || tailPlan.length == 0) {
                return a;
            }
            long b = map.bits64(granule + 64);
            carriedMap = map;
            carriedGranule = granule + 64;
            carriedBits = b;
            for (int shift : tailPlan) {
                a &= (a >>> shift) | (b << -shift);
                b &= b >>> shift;
            }
            return a;
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
                        long f = evaluate(r, c);
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
                    fits[c] = evaluate(r, c);
                }
                evaluated[r] = j + 1;
            }
            return (fits[flat] >>> p & 1L) != 0;
        }

        /**
         * Fills {@link #chosenKeys} with the lexicographically first assignment at start bit {@code p}:
         * role by role, the first candidate that fits, is not taken, and leaves a complete
         * assignment possible for the later roles (checked by bipartite matching, so no start
         * costs more than polynomial time however the roles share candidates).
         */
        private boolean assign(int p) {
            for (int r = 0; r < roleCount; r++) {
                int count = roleStart[r + 1] - roleStart[r];
                boolean found = false;
                for (int j = 0; j < count && !found; j++) {
                    if (!fits(r, j, p)) {
                        continue;
                    }
                    int key = keys[roleStart[r] + j];
                    if (takenBefore(r, key)) {
                        continue;
                    }
                    chosenKeys[r] = key;
                    found = r == roleCount - 1 || completable(r + 1, p);
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        /** Whether one of roles {@code 0..role-1} already holds {@code key}. */
        private boolean takenBefore(int role, int key) {
            for (int q = 0; q < role; q++) {
                if (chosenKeys[q] == key) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether roles {@code fromRole..} can all get distinct resources not held by the roles
         * before them (Kuhn's augmenting paths; with at most eight roles, the matching lives in
         * per-role arrays).
         */
        private boolean completable(int fromRole, int p) {
            Arrays.fill(matched, fromRole, roleCount, false);
            for (int r = fromRole; r < roleCount; r++) {
                Arrays.fill(visited, fromRole, roleCount, false);
                if (!augment(fromRole, r, p)) {
                    return false;
                }
            }
            return true;
        }

        private boolean augment(int fromRole, int r, int p) {
            int count = roleStart[r + 1] - roleStart[r];
            for (int j = 0; j < count; j++) {
                if (!fits(r, j, p)) {
                    continue;
                }
                int key = keys[roleStart[r] + j];
                if (takenBefore(fromRole, key)) {
                    continue;
                }
                int holder = -1;
                for (int q = fromRole; q < roleCount; q++) {
                    if (matched[q] && matchedKey[q] == key) {
                        holder = q;
                    }
                }
                if (holder >= 0) {
                    if (visited[holder]) {
                        continue;
                    }
                    visited[holder] = true;
                    if (!augment(fromRole, holder, p)) {
                        continue;
                    }
                }
                matchedKey[r] = key;
                matched[r] = true;
                return true;
            }
            return false;
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
