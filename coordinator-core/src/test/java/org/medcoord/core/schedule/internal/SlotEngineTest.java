package org.medcoord.core.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcoord.core.schedule.internal.SlotEngine.Candidate;
import org.medcoord.core.schedule.internal.SlotEngine.Match;
import org.medcoord.core.schedule.internal.SlotEngine.Request;
import org.medcoord.core.schedule.internal.SlotEngine.Role;

class SlotEngineTest {

    private static final int ADAMS = 1;
    private static final int BAKER = 2;
    private static final int ROOM = 7;

    /** Granule of a time of day on Monday 2025-03-10 (UTC, to keep the example plain). */
    private static long at(String time) {
        return Granules.floor(Instant.parse("2025-03-10T" + time + ":00Z"));
    }

    private static FreeMap freeBetween(String from, String to) {
        FreeMap map = new FreeMap(at("00:00"), Granules.PER_DAY);
        map.markFree(at(from), at(to));
        return map;
    }

    private static Role role(Candidate... candidates) {
        return new Role(List.of(candidates));
    }

    @Test
    void a_resource_needed_by_a_later_role_pushes_the_earlier_role_to_its_second_choice() {
        FreeMap adams = freeBetween("09:00", "12:00");
        FreeMap baker = freeBetween("09:00", "12:00");
        Role surgeon = role(new Candidate(ADAMS, adams), new Candidate(BAKER, baker));
        Role anaesthetist = role(new Candidate(ADAMS, adams));

        List<Match> matches = SlotEngine.search(new Request(at("09:00"), at("10:00"), 3, 0, 6, 0, null,
                List.of(surgeon, anaesthetist), 2));

        // Adams is the preferred surgeon, but only Adams can be the anaesthetist.
        assertThat(matches).containsExactly(
                new Match(at("09:00"), new int[] {BAKER, ADAMS}),
                new Match(at("09:15"), new int[] {BAKER, ADAMS}));
    }

    @Test
    void without_a_distinct_resource_for_every_role_a_start_does_not_match() {
        FreeMap adams = freeBetween("09:00", "12:00");
        FreeMap baker = freeBetween("09:30", "12:00");
        Role surgeon = role(new Candidate(ADAMS, adams), new Candidate(BAKER, baker));
        Role anaesthetist = role(new Candidate(ADAMS, adams));
        Request request = new Request(at("09:00"), at("10:00"), 3, 0, 6, 0, null,
                List.of(surgeon, anaesthetist), Integer.MAX_VALUE);

        List<Match> matches = SlotEngine.search(request);

        assertThat(matches).extracting(Match::start).containsExactly(at("09:30"), at("09:45"));
        // Each role alone could start at 09:00 and 09:15 too: feasibleStarts ignores distinctness.
        FreeMap feasible = SlotEngine.feasibleStarts(request);
        assertThat(feasible.countFree()).isEqualTo(4);
        assertThat(feasible.isFree(at("09:00"))).isTrue();
    }

    @Test
    void buffers_before_and_after_the_visit_must_be_free_too() {
        FreeMap room = freeBetween("08:00", "13:00");
        room.markBusy(at("09:00"), at("10:00"));
        room.markBusy(at("11:00"), at("12:00"));
        // 30-minute visit, 5 minutes to set up before and 10 to clean after, any 5-minute start.
        Request request = new Request(at("09:00"), at("12:00"), 1, 1, 6, 2, null,
                List.of(role(new Candidate(ROOM, room))), Integer.MAX_VALUE);

        List<Match> matches = SlotEngine.search(request);

        assertThat(matches).extracting(Match::start)
                .containsExactly(at("10:05"), at("10:10"), at("10:15"), at("10:20"));
        assertThat(matches).allSatisfy(m -> assertThat(m.resourceKeys()).containsExactly(ROOM));
        FreeMap feasible = SlotEngine.feasibleStarts(request);
        assertThat(feasible.origin()).isEqualTo(at("09:00"));
        assertThat(feasible.length()).isEqualTo(36);
        assertThat(feasible.nextFree(at("09:00"))).isEqualTo(at("10:05"));
        assertThat(feasible.countFree()).isEqualTo(4);
    }

    @Test
    void starts_are_aligned_to_the_step_from_the_epoch_and_limited() {
        FreeMap room = freeBetween("08:00", "18:00");
        Request request = new Request(at("09:05"), at("17:00"), 3, 0, 6, 0, null,
                List.of(role(new Candidate(ROOM, room))), 3);

        assertThat(SlotEngine.search(request)).extracting(Match::start)
                .containsExactly(at("09:15"), at("09:30"), at("09:45"));
    }

    @Test
    void only_allowed_starts_are_offered() {
        FreeMap room = freeBetween("08:00", "18:00");
        FreeMap mornings = freeBetween("08:00", "10:00");
        Request request = new Request(at("08:00"), at("18:00"), 12, 0, 6, 0, mornings,
                List.of(role(new Candidate(ROOM, room))), Integer.MAX_VALUE);

        assertThat(SlotEngine.search(request)).extracting(Match::start)
                .containsExactly(at("08:00"), at("09:00"));
    }

    @Test
    void visits_longer_than_64_granules_are_searched_exactly() {
        FreeMap theatre = freeBetween("07:00", "19:00");
        theatre.markBusy(at("12:00"), at("12:05"));
        // A six-hour operation (72 granules), starts on the hour.
        Request request = new Request(at("00:00"), at("23:00"), 12, 0, 72, 0, null,
                List.of(role(new Candidate(ROOM, theatre))), Integer.MAX_VALUE);

        assertThat(SlotEngine.search(request)).extracting(Match::start)
                .containsExactly(at("13:00"));
    }

    @Test
    void a_start_on_the_last_bit_of_a_word_after_a_fully_busy_word_is_found() {
        // Starts 0..63 form the first word, 64..127 the second; the room is free from 127 only.
        FreeMap room = new FreeMap(0, 300);
        room.markFree(127, 140);
        Request request = new Request(0, 300, 1, 0, 2, 0, null,
                List.of(role(new Candidate(ROOM, room))), 1);

        assertThat(SlotEngine.search(request)).containsExactly(new Match(127, new int[] {ROOM}));
        assertThat(SlotEngine.feasibleStarts(request).nextFree(0)).isEqualTo(127);
    }

    @Test
    void a_role_without_candidates_matches_nothing() {
        Request request = new Request(at("00:00"), at("23:00"), 1, 0, 6, 0, null,
                List.of(role(new Candidate(ROOM, freeBetween("08:00", "18:00"))), role()),
                Integer.MAX_VALUE);

        assertThat(SlotEngine.search(request)).isEmpty();
        assertThat(SlotEngine.feasibleStarts(request).countFree()).isZero();
    }

    @Test
    void invalid_requests_are_rejected() {
        List<Role> roles = List.of(role(new Candidate(ROOM, freeBetween("08:00", "18:00"))));

        assertThatThrownBy(() -> new Request(10, 5, 1, 0, 1, 0, null, roles, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(0, 5, 0, 0, 1, 0, null, roles, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(0, 5, 1, 0, 0, 0, null, roles, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(0, 5, 1, -1, 1, 0, null, roles, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(0, 5, 1, 0, 1, 0, null, List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(0, 5, 1, 0, 1, 0, null, roles, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
