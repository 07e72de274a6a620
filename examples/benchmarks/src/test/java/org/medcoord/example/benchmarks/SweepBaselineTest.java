package org.medcoord.example.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcoord.core.schedule.internal.FreeMap;
import org.medcoord.core.schedule.internal.SlotEngine;
import org.medcoord.core.schedule.internal.SlotEngine.Match;

/** The benchmark compares like with like: on a small calendar, engine and baselines agree. */
class SweepBaselineTest {

    // Spans the end of daylight saving time in New York (2025-11-02).
    private final SyntheticCalendar calendar = SyntheticCalendar.generate(7,
            List.of(new SyntheticCalendar.Staffing("cardiology", 6), new SyntheticCalendar.Staffing("general", 4)),
            8, LocalDate.of(2025, 10, 27), 14, ZoneId.of("America/New_York"), 0.6);
    private final FreeMap[] maps = calendar.freeMaps();

    @Test
    void the_calendar_is_booked_to_the_target() {
        assertThat(calendar.resources).hasSize(18);
        assertThat(calendar.utilisation).isBetween(0.59, 0.65);
    }

    @Test
    void engine_and_both_baselines_find_the_same_options() {
        int[][] roles = {calendar.practitioners("cardiology"), calendar.rooms()};
        for (int limit : new int[] {1, 10, Integer.MAX_VALUE}) {
            Visit visit = new Visit(calendar.origin + 100, calendar.end, 3, 1, 6, 1, roles, limit);

            List<Match> engine = SlotEngine.search(visit.toRequest(maps));

            assertThat(engine).isNotEmpty();
            assertThat(SweepBaseline.checkEveryCandidate(calendar, visit)).isEqualTo(engine);
            assertThat(SweepBaseline.firstFit(calendar, visit)).isEqualTo(engine);
        }
    }

    @Test
    void shared_candidates_are_assigned_alike() {
        int[] cardiology = calendar.practitioners("cardiology");
        int[][] roles = {cardiology, {cardiology[0], cardiology[1]}, calendar.rooms()};
        Visit visit = new Visit(calendar.origin, calendar.end, 1, 0, 3, 0, roles, Integer.MAX_VALUE);

        List<Match> engine = SlotEngine.search(visit.toRequest(maps));

        assertThat(engine).isNotEmpty();
        assertThat(SweepBaseline.checkEveryCandidate(calendar, visit)).isEqualTo(engine);
        assertThat(SweepBaseline.firstFit(calendar, visit)).isEqualTo(engine);
    }

    @Test
    void availability_agrees_with_both_baselines() {
        for (int resource = 0; resource < maps.length; resource++) {
            Visit visit = new Visit(calendar.origin, calendar.end, 3, 0, 6, 0, new int[][] {{resource}},
                    Integer.MAX_VALUE);
            FreeMap starts = SlotEngine.feasibleStarts(visit.toRequest(maps));
            long[] expected = SweepBaseline.availability(calendar, resource, visit);

            assertThat(starts.countFree()).isEqualTo(expected.length);
            for (long start : expected) {
                assertThat(starts.isFree(start)).isTrue();
            }
            assertThat(SweepBaseline.availabilityByCursor(calendar, resource, visit)).containsExactly(expected);
        }
    }
}
