package org.medcoord.core.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreeMapTest {

    @Test
    void a_new_map_is_busy_everywhere() {
        FreeMap map = new FreeMap(1000, 200);

        assertThat(map.countFree()).isZero();
        assertThat(map.nextFree(0)).isEqualTo(FreeMap.NONE);
        assertThat(map.isFreeRange(1000, 1001)).isFalse();
    }

    @Test
    void marking_free_and_busy_is_half_open() {
        FreeMap map = new FreeMap(1000, 200);

        map.markFree(1010, 1020);
        map.markBusy(1012, 1014);

        assertThat(map.isFree(1009)).isFalse();
        assertThat(map.isFree(1010)).isTrue();
        assertThat(map.isFree(1011)).isTrue();
        assertThat(map.isFree(1012)).isFalse();
        assertThat(map.isFree(1013)).isFalse();
        assertThat(map.isFree(1014)).isTrue();
        assertThat(map.isFree(1019)).isTrue();
        assertThat(map.isFree(1020)).isFalse();
        assertThat(map.countFree()).isEqualTo(8);
    }

    @Test
    void marking_is_clipped_to_the_range_and_outside_counts_as_busy() {
        FreeMap map = new FreeMap(1000, 100);

        map.markFree(900, 2000);

        assertThat(map.countFree()).isEqualTo(100);
        assertThat(map.isFree(999)).isFalse();
        assertThat(map.isFree(1100)).isFalse();
        assertThat(map.isFreeRange(1000, 1100)).isTrue();
        assertThat(map.isFreeRange(999, 1010)).isFalse();
        assertThat(map.isFreeRange(1090, 1101)).isFalse();
        assertThat(map.nextBusy(1000)).isEqualTo(1100);

        map.markBusy(Long.MIN_VALUE, 1050);
        map.markFree(5000, 6000);

        assertThat(map.nextFree(0)).isEqualTo(1050);
        assertThat(map.countFree()).isEqualTo(50);
    }

    @Test
    void ranges_across_word_boundaries_63_64_65() {
        for (int length : new int[] {63, 64, 65, 127, 128, 129}) {
            FreeMap map = FreeMap.allFree(0, length);
            assertThat(map.countFree()).as("length %d", length).isEqualTo(length);
            assertThat(map.isFreeRange(0, length)).isTrue();
            assertThat(map.isFreeRange(0, length + 1)).isFalse();
            assertThat(map.nextBusy(0)).isEqualTo(length);
        }

        FreeMap map = new FreeMap(0, 200);
        map.markFree(63, 65);
        assertThat(map.isFree(62)).isFalse();
        assertThat(map.isFree(63)).isTrue();
        assertThat(map.isFree(64)).isTrue();
        assertThat(map.isFree(65)).isFalse();
        assertThat(map.isFreeRange(63, 65)).isTrue();
        assertThat(map.nextFree(0)).isEqualTo(63);
        assertThat(map.nextFree(65)).isEqualTo(FreeMap.NONE);

        map.markFree(64, 129);
        map.markBusy(64, 64);
        assertThat(map.isFreeRange(63, 129)).isTrue();
        assertThat(map.isFree(129)).isFalse();
        map.markBusy(127, 128);
        assertThat(map.isFreeRange(63, 129)).isFalse();
        assertThat(map.nextBusy(63)).isEqualTo(127);
        assertThat(map.nextFree(127)).isEqualTo(128);
    }

    @Test
    void the_origin_need_not_be_word_aligned() {
        FreeMap map = new FreeMap(-37, 200);
        map.markFree(-1, 64);

        assertThat(map.nextFree(Long.MIN_VALUE + 1)).isEqualTo(-1);
        assertThat(map.nextBusy(-1)).isEqualTo(64);
        assertThat(map.isFree(26)).isTrue();
        assertThat(map.isFree(27)).as("bit 64 of the map").isTrue();
        assertThat(map.isFreeRange(-1, 64)).isTrue();
        assertThat(map.countFree()).isEqualTo(65);
    }

    @Test
    void with_capacity_one_any_claim_makes_a_granule_busy() {
        FreeMap working = FreeMap.allFree(0, 100);

        FreeMap map = FreeMap.withClaims(working, new long[] {10, 20}, new long[] {30, 40}, 1);

        assertThat(map.nextBusy(0)).isEqualTo(10);
        assertThat(map.nextFree(10)).isEqualTo(40);
        assertThat(working.countFree()).as("the base is not changed").isEqualTo(100);
    }

    @Test
    void with_capacity_two_only_the_overlap_of_two_claims_is_busy() {
        FreeMap working = FreeMap.allFree(0, 100);

        FreeMap map = FreeMap.withClaims(working, new long[] {20, 10}, new long[] {40, 30}, 2);

        assertThat(map.isFreeRange(0, 20)).isTrue();
        assertThat(map.isFreeRange(30, 100)).isTrue();
        assertThat(map.nextBusy(0)).isEqualTo(20);
        assertThat(map.nextFree(20)).isEqualTo(30);
        assertThat(map.countFree()).isEqualTo(90);
    }

    @Test
    void with_capacity_two_touching_claims_do_not_overlap_and_empty_claims_are_ignored() {
        FreeMap working = FreeMap.allFree(0, 100);

        FreeMap map = FreeMap.withClaims(working,
                new long[] {10, 20, 15, 50, 50},
                new long[] {20, 30, 15, 60, 55}, 2);

        assertThat(map.isFreeRange(0, 50)).isTrue();
        assertThat(map.nextBusy(0)).isEqualTo(50);
        assertThat(map.nextFree(50)).isEqualTo(55);
    }

    @Test
    void claims_keep_what_the_base_already_has_busy() {
        FreeMap working = new FreeMap(0, 100);
        working.markFree(0, 50);

        FreeMap map = FreeMap.withClaims(working, new long[] {40}, new long[] {70}, 1);

        assertThat(map.countFree()).isEqualTo(40);
        assertThat(map.nextFree(40)).isEqualTo(FreeMap.NONE);
    }

    @Test
    void copies_are_independent_and_equal_by_content() {
        FreeMap map = new FreeMap(5, 70);
        map.markFree(10, 20);

        FreeMap copy = map.copy();
        assertThat(copy).isEqualTo(map).hasSameHashCodeAs(map);

        copy.markBusy(10, 11);
        assertThat(copy).isNotEqualTo(map);
        assertThat(map.isFree(10)).isTrue();
        assertThat(new FreeMap(6, 70)).isNotEqualTo(new FreeMap(5, 70));
    }

    @Test
    void invalid_arguments_are_rejected() {
        assertThatThrownBy(() -> new FreeMap(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FreeMap(Long.MAX_VALUE - 5, 10))
                .isInstanceOf(IllegalArgumentException.class);
        FreeMap base = new FreeMap(0, 10);
        assertThatThrownBy(() -> FreeMap.withClaims(base, new long[1], new long[2], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FreeMap.withClaims(base, new long[1], new long[1], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
