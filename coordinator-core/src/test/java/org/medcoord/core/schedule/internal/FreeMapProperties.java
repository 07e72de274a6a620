package org.medcoord.core.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** FreeMap against a plain boolean array over the map's range and 70 granules either side. */
class FreeMapProperties {

    private static final int MARGIN = 70;

    /** {@code free} marks {@code [start, start + length)} free, else busy; offsets from the origin. */
    record Mark(int start, int length, boolean free) {
    }

    @Property(tries = 400)
    void marking_and_queries_agree_with_a_boolean_model(
            @ForAll @IntRange(min = -1000, max = 1000) int origin,
            @ForAll("lengths") int length,
            @ForAll("marks") List<Mark> marks) {
        FreeMap map = new FreeMap(origin, length);
        boolean[] model = new boolean[length + 2 * MARGIN];
        for (Mark mark : marks) {
            long from = (long) origin + mark.start();
            if (mark.free()) {
                map.markFree(from, from + mark.length());
            } else {
                map.markBusy(from, from + mark.length());
            }
            for (int i = mark.start(); i < mark.start() + mark.length(); i++) {
                if (i >= 0 && i < length) {
                    model[i + MARGIN] = mark.free();
                }
            }
        }

        int count = 0;
        for (int i = -MARGIN; i < length + MARGIN; i++) {
            long g = (long) origin + i;
            assertThat(map.isFree(g)).as("granule %d", g).isEqualTo(model[i + MARGIN]);
            count += model[i + MARGIN] ? 1 : 0;
            assertThat(map.nextFree(g)).as("nextFree(%d)", g).isEqualTo(nextFree(model, origin, i));
            assertThat(map.nextBusy(g)).as("nextBusy(%d)", g).isEqualTo(nextBusy(model, origin, i));
            for (int to = i; to <= i + 130 && to <= length + MARGIN; to += 7) {
                assertThat(map.isFreeRange(g, (long) origin + to)).as("isFreeRange(%d, %d)", g, origin + to)
                        .isEqualTo(allFree(model, i, to));
            }
        }
        assertThat(map.countFree()).isEqualTo(count);
    }

    @Property(tries = 300)
    void a_granule_is_busy_when_claims_reach_the_capacity(
            @ForAll("lengths") int length,
            @ForAll("claims") List<Mark> claims,
            @ForAll @IntRange(min = 1, max = 3) int capacity) {
        FreeMap base = FreeMap.allFree(500, length);
        base.markBusy(500, 510);
        long[] starts = claims.stream().mapToLong(c -> 500L + c.start()).toArray();
        long[] ends = claims.stream().mapToLong(c -> 500L + c.start() + c.length()).toArray();

        FreeMap map = FreeMap.withClaims(base, starts, ends, capacity);

        for (long g = 500 - MARGIN; g < 500 + length + MARGIN; g++) {
            int depth = 0;
            for (int i = 0; i < starts.length; i++) {
                depth += starts[i] <= g && g < ends[i] ? 1 : 0;
            }
            assertThat(map.isFree(g)).as("granule %d", g).isEqualTo(base.isFree(g) && depth < capacity);
        }
    }

    private static long nextFree(boolean[] model, long origin, int from) {
        for (int i = Math.max(from, 0) + MARGIN; i < model.length; i++) {
            if (model[i]) {
                return origin + i - MARGIN;
            }
        }
        return FreeMap.NONE;
    }

    private static long nextBusy(boolean[] model, long origin, int from) {
        int i = from + MARGIN;
        while (i < model.length && model[i]) {
            i++;
        }
        return origin + i - MARGIN;
    }

    private static boolean allFree(boolean[] model, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!model[i + MARGIN]) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, 1, 63, 64, 65, 127, 128, 129)),
                Tuple.of(3, Arbitraries.integers().between(0, 300)
                        .withDistribution(RandomDistribution.uniform())));
    }

    @Provide
    Arbitrary<List<Mark>> marks() {
        return Combinators.combine(
                Arbitraries.integers().between(-80, 320).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(0, 200).withDistribution(RandomDistribution.uniform()),
                Arbitraries.of(true, false))
                .as(Mark::new).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<Mark>> claims() {
        return Combinators.combine(
                Arbitraries.integers().between(-40, 300).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(-5, 80).withDistribution(RandomDistribution.uniform()),
                Arbitraries.just(false))
                .as(Mark::new).list().ofMaxSize(12);
    }
}
