package org.medcoord.core.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.medcoord.core.schedule.internal.SlotEngine.Candidate;
import org.medcoord.core.schedule.internal.SlotEngine.Match;
import org.medcoord.core.schedule.internal.SlotEngine.Request;
import org.medcoord.core.schedule.internal.SlotEngine.Role;

/**
 * The engine against a brute-force oracle that checks every granule of every start one by one
 * and assigns roles by plain backtracking.
 */
class SlotEngineProperties {

    @Property(tries = 3000)
    void search_equals_the_brute_force_oracle(@ForAll("scenarios") Scenario scenario) {
        Request request = scenario.request();

        assertThat(SlotEngine.search(request)).isEqualTo(oracle(request));
    }

    @Property(tries = 300)
    void search_equals_the_oracle_when_many_roles_share_few_resources(
            @ForAll("crowdedScenarios") Scenario scenario) {
        Request request = scenario.request();

        assertThat(SlotEngine.search(request)).isEqualTo(oracle(request));
    }

    @Property(tries = 1000)
    void search_equals_the_oracle_when_free_time_is_scarce(@ForAll("sparseScenarios") Scenario scenario) {
        Request request = scenario.request();

        assertThat(SlotEngine.search(request)).isEqualTo(oracle(request));
        if (request.roles().size() == 1) {
            assertThat(SlotEngine.feasibleStarts(request)).isEqualTo(feasibleOracle(request));
        }
    }

    @Property(tries = 1000)
    void feasible_starts_equal_the_oracle_ignoring_distinctness(@ForAll("scenarios") Scenario scenario) {
        Request request = scenario.request();

        assertThat(SlotEngine.feasibleStarts(request)).isEqualTo(feasibleOracle(request));
    }

    @Property(tries = 1000)
    void feasible_starts_of_one_role_are_exactly_the_starts_of_all_matches(
            @ForAll("scenarios") Scenario scenario) {
        Request request = scenario.withFirstRoleOnly().request();
        Request all = withLimit(request, Integer.MAX_VALUE);

        FreeMap feasible = SlotEngine.feasibleStarts(request);

        FreeMap starts = new FreeMap(request.fromGranule(),
                (int) (request.toGranule() - request.fromGranule()));
        SlotEngine.search(all).forEach(m -> starts.markFree(m.start(), m.start() + 1));
        assertThat(feasible).isEqualTo(starts);
    }

    @Property(tries = 1000)
    void results_increase_strictly_respect_the_limit_and_are_a_prefix_of_all_results(
            @ForAll("scenarios") Scenario scenario) {
        Request request = scenario.request();

        List<Match> limited = SlotEngine.search(request);
        List<Match> all = SlotEngine.search(withLimit(request, Integer.MAX_VALUE));

        assertThat(limited.size()).isLessThanOrEqualTo(request.limit());
        assertThat(all.subList(0, Math.min(all.size(), request.limit()))).isEqualTo(limited);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).start()).isGreaterThan(all.get(i - 1).start());
        }
        for (Match match : all) {
            int[] keys = match.resourceKeys();
            assertThat(keys).hasSize(request.roles().size()).doesNotHaveDuplicates();
        }
    }

    // ---- the oracle: plain loops, one granule at a time ----

    static List<Match> oracle(Request request) {
        List<Match> matches = new ArrayList<>();
        for (long s = request.fromGranule(); s < request.toGranule(); s++) {
            if (Math.floorMod(s, request.step()) != 0) {
                continue;
            }
            if (request.allowedStarts() != null && !request.allowedStarts().isFree(s)) {
                continue;
            }
            int[] keys = new int[request.roles().size()];
            if (assign(request, s, 0, keys)) {
                matches.add(new Match(s, keys));
                if (matches.size() == request.limit()) {
                    break;
                }
            }
        }
        return matches;
    }

    private static boolean assign(Request request, long start, int role, int[] keys) {
        if (role == request.roles().size()) {
            return true;
        }
        for (Candidate candidate : request.roles().get(role).candidates()) {
            if (!fits(request, candidate.free(), start)) {
                continue;
            }
            boolean taken = false;
            for (int r = 0; r < role; r++) {
                taken |= keys[r] == candidate.resourceKey();
            }
            if (taken) {
                continue;
            }
            keys[role] = candidate.resourceKey();
            if (assign(request, start, role + 1, keys)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fits(Request request, FreeMap map, long start) {
        long end = start + request.duration() + request.after();
        for (long g = start - request.before(); g < end; g++) {
            if (!map.isFree(g)) {
                return false;
            }
        }
        return true;
    }

    static FreeMap feasibleOracle(Request request) {
        FreeMap starts = new FreeMap(request.fromGranule(),
                (int) (request.toGranule() - request.fromGranule()));
        for (long s = request.fromGranule(); s < request.toGranule(); s++) {
            if (Math.floorMod(s, request.step()) != 0) {
                continue;
            }
            if (request.allowedStarts() != null && !request.allowedStarts().isFree(s)) {
                continue;
            }
            boolean everyRole = true;
            for (Role role : request.roles()) {
                boolean some = false;
                for (Candidate candidate : role.candidates()) {
                    some |= fits(request, candidate.free(), s);
                }
                everyRole &= some;
            }
            if (everyRole) {
                starts.markFree(s, s + 1);
            }
        }
        return starts;
    }

    private static Request withLimit(Request r, int limit) {
        return new Request(r.fromGranule(), r.toGranule(), r.step(), r.before(), r.duration(), r.after(),
                r.allowedStarts(), r.roles(), limit);
    }

    // ---- generators ----

    /** Marks {@code [origin + start, origin + start + length)} free or busy. */
    record Mark(int start, int length, boolean free) {
    }

    /** A free map described relative to the scenario's base granule. */
    record MapSpec(int originOffset, int length, boolean startFree, List<Mark> marks) {
        FreeMap build(long base) {
            long origin = base + originOffset;
            FreeMap map = startFree ? FreeMap.allFree(origin, length) : new FreeMap(origin, length);
            for (Mark mark : marks) {
                long from = origin + mark.start();
                if (mark.free()) {
                    map.markFree(from, from + mark.length());
                } else {
                    map.markBusy(from, from + mark.length());
                }
            }
            return map;
        }
    }

    record Shape(int step, int before, int duration, int after) {
    }

    record Range(long base, int fromOffset, int span) {
    }

    /**
     * A request over a pool of resources; roles name pool entries (modulo the pool size), so
     * roles often share resources, and a resource has the same map in every role.
     */
    record Scenario(Range range, Shape shape, List<MapSpec> pool, List<List<Integer>> roles,
            MapSpec allowed, int limit) {

        Request request() {
            long base = range.base();
            List<FreeMap> maps = pool.stream().map(spec -> spec.build(base)).toList();
            List<Role> built = new ArrayList<>();
            for (List<Integer> role : roles) {
                List<Candidate> candidates = new ArrayList<>();
                for (int index : role) {
                    int resource = index % pool.size();
                    candidates.add(new Candidate(100 + resource, maps.get(resource)));
                }
                built.add(new Role(candidates));
            }
            long from = base + range.fromOffset();
            return new Request(from, from + range.span(), shape.step(), shape.before(), shape.duration(),
                    shape.after(), allowed == null ? null : allowed.build(base), built, limit);
        }

        Scenario withFirstRoleOnly() {
            return new Scenario(range, shape, pool, roles.subList(0, 1), allowed, limit);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<List<Integer>>> roles = uniform(0, 7)
                .list().ofMinSize(1).ofMaxSize(5)
                .list().ofMinSize(1).ofMaxSize(4);
        return scenarios(mapSpecs(1, 8).list().ofMinSize(2).ofMaxSize(8), roles, 300);
    }

    /** Five to eight roles drawing on the same few resources: the assignment step must backtrack. */
    @Provide
    Arbitrary<Scenario> crowdedScenarios() {
        Arbitrary<List<List<Integer>>> roles = uniform(0, 9)
                .list().ofMinSize(2).ofMaxSize(5)
                .list().ofMinSize(5).ofMaxSize(SlotEngine.MAX_ROLES);
        return scenarios(mapSpecs(0, 4).list().ofMinSize(8).ofMaxSize(10), roles, 100);
    }

    /** Maps busy but for a few short runs, so whole words are busy and runs begin anywhere in a word. */
    @Provide
    Arbitrary<Scenario> sparseScenarios() {
        Arbitrary<Mark> run = Combinators.combine(uniform(-20, 420), uniform(1, 12), Arbitraries.just(true))
                .as(Mark::new);
        Arbitrary<MapSpec> sparse = Combinators.combine(uniform(-100, 60), uniform(200, 500),
                Arbitraries.just(false), run.list().ofMinSize(1).ofMaxSize(4))
                .as(MapSpec::new);
        Arbitrary<List<List<Integer>>> roles = uniform(0, 7)
                .list().ofMinSize(1).ofMaxSize(5)
                .list().ofMinSize(1).ofMaxSize(2);
        return scenarios(sparse.list().ofMinSize(2).ofMaxSize(8), roles, 300);
    }

    private static Arbitrary<Scenario> scenarios(Arbitrary<List<MapSpec>> pool,
            Arbitrary<List<List<Integer>>> roles, int maxSpan) {
        Arbitrary<Range> range = Combinators.combine(
                Arbitraries.longs().between(-100_000, 6_000_000),
                uniform(-60, 160),
                Arbitraries.frequencyOf(
                        Tuple.of(5, uniform(0, maxSpan)),
                        Tuple.of(1, uniform(0, 70))))
                .as(Range::new);
        Arbitrary<Shape> shape = Combinators.combine(
                Arbitraries.frequencyOf(
                        Tuple.of(6, uniform(1, 6)),
                        Tuple.of(1, uniform(7, 70))),
                uniform(0, 4),
                Arbitraries.frequencyOf(
                        Tuple.of(8, uniform(1, 12)),
                        Tuple.of(1, uniform(55, 140))),
                uniform(0, 4))
                .as(Shape::new);
        Arbitrary<MapSpec> allowed = mapSpecs(1, 8).injectNull(0.5);
        Arbitrary<Integer> limit = Arbitraries.frequencyOf(
                Tuple.of(1, uniform(1, 6)),
                Tuple.of(1, Arbitraries.just(Integer.MAX_VALUE)));
        return Combinators.combine(range, shape, pool, roles, allowed, limit).as(Scenario::new);
    }

    /** jqwik biases numbers towards the edges of their range; spans and offsets need the middle. */
    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    /** Maps that start free five times in {@code 5 + busyWeight} and then take up to so many marks. */
    private static Arbitrary<MapSpec> mapSpecs(int busyWeight, int maxMarks) {
        Arbitrary<Mark> free = Combinators.combine(
                uniform(-20, 420),
                uniform(1, 200),
                Arbitraries.just(true))
                .as(Mark::new);
        Arbitrary<Mark> busy = Combinators.combine(
                uniform(-20, 420),
                uniform(1, 20),
                Arbitraries.just(false))
                .as(Mark::new);
        Arbitrary<Mark> mark = Arbitraries.frequencyOf(Tuple.of(1, free), Tuple.of(2, busy));
        return Combinators.combine(
                uniform(-100, 60),
                Arbitraries.frequencyOf(
                        Tuple.of(6, uniform(200, 500)),
                        Tuple.of(1, uniform(0, 120))),
                Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just(true)),
                        Tuple.of(busyWeight, Arbitraries.just(false))),
                mark.list().ofMaxSize(maxMarks))
                .as(MapSpec::new);
    }
}
