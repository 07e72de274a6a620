package org.medcoord.core.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.ZONE;
import static org.medcoord.core.TestClinic.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.BookingRefusedException;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldExpiredException;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.IdempotencyKeyReusedException;
import org.medcoord.api.appointment.InvalidTransitionException;
import org.medcoord.api.appointment.Recurrence;
import org.medcoord.api.appointment.RescheduleCommand;
import org.medcoord.api.appointment.Rescheduling;
import org.medcoord.api.appointment.SeriesCommand;
import org.medcoord.api.appointment.SeriesPolicy;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.appointment.SlotUnavailableException;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.TimeOfDay;
import org.medcoord.core.TestClinic;

class AppointmentsTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final ServiceTypeId MRI = ServiceTypeId.of("mri");
    private static final PatientId P1 = PatientId.of("p-1");
    private static final PatientId P2 = PatientId.of("p-2");
    private static final PatientId P3 = PatientId.of("p-3");

    private final TestClinic clinic = new TestClinic();
    private final Appointments desk = clinic.desk.appointments();

    @AfterEach
    void close() {
        clinic.close();
    }

    private static Instant monday(String time) {
        return at(MONDAY_1, time);
    }

    @Test
    void a_search_is_audited_once_as_a_success_naming_the_patient_and_the_service_even_when_it_finds_nothing() {
        desk.findSlots(SlotQuery.earliest(CONSULT, P1, monday("00:00"), monday("23:00"), 3));
        // Entirely in the past: the search reads nothing but still ends its unit with its record.
        desk.findSlots(SlotQuery.earliest(CONSULT, P2, monday("00:00").minus(Duration.ofDays(30)),
                monday("00:00").minus(Duration.ofDays(29)), 3));

        List<AuditRecord> searches = searches();
        assertThat(searches).extracting(AuditRecord::patient).containsExactly(Optional.of(P1), Optional.of(P2));
        assertThat(searches).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(r.entities()).containsExactly(CONSULT.value());
        });
    }

    @Test
    void a_search_that_fails_is_audited_only_as_failed() {
        assertThatThrownBy(() -> desk.findSlots(SlotQuery.earliest(ServiceTypeId.of("no-such-service"), P1,
                monday("00:00"), monday("23:00"), 3))).isInstanceOf(InvalidRequestException.class);

        assertThat(searches()).extracting(AuditRecord::outcome).containsExactly(AuditOutcome.FAILED);
    }

    private List<AuditRecord> searches() {
        return clinic.storage.read(tx -> tx.audit().all()).stream()
                .filter(r -> r.action().equals("appointment.search")).toList();
    }

    @Test
    void earliest_options_are_ranked_by_start_then_lowest_resource_ids() {
        List<SlotOption> options = desk.findSlots(SlotQuery.earliest(CONSULT, P1, monday("00:00"), monday("23:00"), 3));

        assertThat(options).extracting(SlotOption::start).containsExactly(monday("08:00"), monday("08:15"), monday("08:30"));
        assertThat(options.get(0).resources()).containsExactly(RoleAssignment.of("specialist", "dr-a"),
                RoleAssignment.of("room", "room-1"));
    }

    @Test
    void preferences_filter_sites_and_times_of_day_and_order_preferred_resources_first() {
        SlotQuery query = SlotQuery.earliest(CONSULT, P1, monday("00:00"), monday("23:00"), 1)
                .with(Preferences.NONE.atSites("south").during(ZONE, TimeOfDay.AFTERNOON));
        SlotOption south = desk.findSlots(query).get(0);
        assertThat(south.start()).isEqualTo(monday("12:00"));
        assertThat(south.resources()).extracting(RoleAssignment::resource)
                .containsExactly(ResourceId.of("dr-b"), ResourceId.of("room-2"));

        SlotOption preferred = desk.findSlots(SlotQuery.earliest(CONSULT, P1, monday("00:00"), monday("23:00"), 1)
                .with(Preferences.NONE.preferring(ResourceId.of("dr-b")))).get(0);
        assertThat(preferred.resource("specialist")).isEqualTo(ResourceId.of("dr-b"));
    }

    @Test
    void booking_claims_every_resource_and_a_second_patient_gets_the_other_ones() {
        Booking first = desk.book(BookCommand.at(CONSULT, P1, monday("09:00")));
        Booking second = desk.book(BookCommand.at(CONSULT, P2, monday("09:00")));

        assertThat(first.appointment().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(first.appointment().resources()).extracting(RoleAssignment::resource)
                .containsExactly(ResourceId.of("dr-a"), ResourceId.of("room-1"));
        assertThat(second.appointment().resources()).extracting(RoleAssignment::resource)
                .containsExactly(ResourceId.of("dr-b"), ResourceId.of("room-2"));
        assertThatThrownBy(() -> desk.book(BookCommand.at(CONSULT, P3, monday("09:00"))))
                .isInstanceOf(SlotUnavailableException.class);
    }

    @Test
    void a_lost_multi_resource_slot_reports_the_busy_resource_and_the_nearest_alternatives() {
        desk.book(BookCommand.at(MRI, P1, monday("09:00")));
        String before = clinic.snapshot();

        // 09:00-09:45 plus buffers holds the scanner 08:50-10:00; 09:30 needs 09:20-10:30.
        SlotUnavailableException lost = org.junit.jupiter.api.Assertions.assertThrows(SlotUnavailableException.class,
                () -> desk.book(new BookCommand(MRI, P2, monday("09:30"), List.of(RoleAssignment.of("scanner", "mri-1"),
                        RoleAssignment.of("technologist", "tech-1"), RoleAssignment.of("suite", "suite-1")),
                        Optional.empty(), Optional.empty())));

        assertThat(lost.code()).isEqualTo("slot-unavailable");
        assertThat(lost.alternatives()).isNotEmpty();
        assertThat(lost.alternatives().get(0).start()).isEqualTo(monday("10:15"));
        assertThat(lost.alternatives()).allSatisfy(o -> assertThat(o.start()).isNotEqualTo(monday("09:30")));
        assertThat(clinic.snapshot()).isEqualTo(before);
    }

    @Test
    void a_hold_blocks_others_until_it_expires_and_then_cannot_be_confirmed() {
        Hold hold = desk.hold(BookCommand.at(MRI, P1, monday("11:00")), Duration.ofMinutes(10));
        assertThatThrownBy(() -> desk.book(BookCommand.at(MRI, P2, monday("11:00"))))
                .isInstanceOf(SlotUnavailableException.class);

        clinic.clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> desk.confirm(hold.id())).isInstanceOf(HoldExpiredException.class);
        assertThat(desk.book(BookCommand.at(MRI, P2, monday("11:00"))).appointment().patient()).isEqualTo(P2);
    }

    @Test
    void a_confirmed_hold_becomes_a_booked_appointment_on_the_held_resources() {
        Hold hold = desk.hold(BookCommand.at(CONSULT, P1, monday("10:00")), Duration.ofMinutes(10));
        Booking booked = desk.confirm(hold.id());

        assertThat(booked.appointment().start()).isEqualTo(monday("10:00"));
        assertThat(booked.appointment().resources()).isEqualTo(hold.slot().resources());
        assertThatThrownBy(() -> desk.confirm(hold.id())).isInstanceOf(HoldExpiredException.class);
    }

    @Test
    void a_retried_request_returns_the_first_result_and_a_reused_key_is_refused() {
        BookCommand command = BookCommand.at(CONSULT, P1, monday("13:00")).withIdempotencyKey(IdempotencyKey.of("req-1"));
        Booking first = desk.book(command);
        Booking retry = desk.book(command);

        assertThat(retry.appointment().id()).isEqualTo(first.appointment().id());
        assertThat(desk.forPatient(P1, monday("00:00"), monday("23:00"))).hasSize(1);
        assertThatThrownBy(() -> desk.book(BookCommand.at(CONSULT, P1, monday("14:00"))
                .withIdempotencyKey(IdempotencyKey.of("req-1"))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void cancelling_offers_the_freed_slot_to_the_best_matching_waiting_patients_in_order() {
        Appointment taken = desk.book(new BookCommand(CONSULT, P1, monday("15:00"),
                List.of(RoleAssignment.of("specialist", "dr-a"), RoleAssignment.of("room", "room-1")),
                Optional.empty(), Optional.empty())).appointment();
        desk.book(BookCommand.at(CONSULT, P2, monday("15:00")));
        var waitList = clinic.desk.waitList();
        var routine = waitList.add(new WaitlistRequest(PatientId.of("p-7"), CONSULT, monday("08:00"), monday("17:00"), 1,
                Preferences.NONE));
        var urgent = waitList.add(new WaitlistRequest(PatientId.of("p-8"), CONSULT, monday("08:00"), monday("17:00"), 5,
                Preferences.NONE));
        var otherDay = waitList.add(new WaitlistRequest(PatientId.of("p-9"), CONSULT, monday("16:00"), monday("17:00"), 9,
                Preferences.NONE));

        Cancellation cancelled = desk.cancel(new CancelCommand(taken.id(), CancellationReason.PATIENT_REQUEST));

        assertThat(cancelled.appointment().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.offers()).extracting(o -> o.entry()).containsExactly(urgent.id(), routine.id());
        assertThat(cancelled.offers().get(0).slot().start()).isEqualTo(monday("15:00"));
        assertThat(waitList.get(otherDay.id()).status()).isEqualTo(WaitlistStatus.WAITING);

        Booking accepted = waitList.accept(urgent.id());
        assertThat(accepted.appointment().patient()).isEqualTo(PatientId.of("p-8"));
        assertThat(accepted.appointment().start()).isEqualTo(monday("15:00"));
        assertThat(waitList.get(urgent.id()).status()).isEqualTo(WaitlistStatus.BOOKED);
        assertThat(waitList.get(routine.id()).status()).isEqualTo(WaitlistStatus.WAITING);
    }

    @Test
    void rescheduling_is_atomic_and_may_overlap_its_own_old_time() {
        Appointment a = desk.book(BookCommand.at(MRI, P1, monday("09:00"))).appointment();
        Appointment blocker = desk.book(BookCommand.at(MRI, P2, monday("13:00"))).appointment();

        Rescheduling moved = desk.reschedule(RescheduleCommand.to(a.id(), monday("09:15"), "patient-request"));
        assertThat(moved.booking().appointment().start()).isEqualTo(monday("09:15"));
        assertThat(moved.booking().appointment().version()).isEqualTo(2);
        assertThat(moved.booking().appointment().history()).last()
                .satisfies(c -> assertThat(c.reasonCode()).isEqualTo("rescheduled:patient-request"));

        String before = clinic.snapshot();
        assertThatThrownBy(() -> desk.reschedule(RescheduleCommand.to(a.id(), blocker.start(), "patient-request")))
                .isInstanceOf(SlotUnavailableException.class);
        assertThat(clinic.snapshot()).isEqualTo(before);
        assertThat(desk.get(a.id()).start()).isEqualTo(monday("09:15"));
    }

    @Test
    void statuses_move_forward_only_and_the_privileged_reset_is_recorded() {
        Appointment a = desk.book(BookCommand.at(CONSULT, P1, monday("10:00"))).appointment();
        desk.transition(a.id(), AppointmentStatus.ARRIVED, "front-desk");
        desk.transition(a.id(), AppointmentStatus.CHECKED_IN, "front-desk");
        Appointment done = desk.transition(a.id(), AppointmentStatus.FULFILLED, "visit-done");

        assertThatThrownBy(() -> desk.transition(a.id(), AppointmentStatus.BOOKED, "oops"))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("fulfilled").hasMessageContaining("booked");
        assertThatThrownBy(() -> desk.reset(a.id(), AppointmentStatus.CHECKED_IN, "correction"))
                .isInstanceOf(AccessDeniedException.class);

        Appointment reset = clinic.supervisor.appointments().reset(a.id(), AppointmentStatus.CHECKED_IN, "correction");
        assertThat(reset.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(reset.history()).hasSize(done.history().size() + 1);
        assertThat(reset.history()).last().satisfies(c -> {
            assertThat(c.privileged()).isTrue();
            assertThat(c.by().value()).isEqualTo("u-super");
        });
        assertThat(reset.history()).extracting(c -> c.to()).containsExactly(AppointmentStatus.BOOKED,
                AppointmentStatus.ARRIVED, AppointmentStatus.CHECKED_IN, AppointmentStatus.FULFILLED,
                AppointmentStatus.CHECKED_IN);
    }

    @Test
    void a_weekly_series_keeps_local_time_across_dst_and_reports_the_holiday_with_alternatives() {
        clinic.admin.schedule().addHoliday(LocalDate.of(2027, 3, 15), "staff-day",
                Set.of(ResourceId.of("dr-a"), ResourceId.of("dr-b")));
        BookCommand first = BookCommand.at(CONSULT, P1, monday("09:00"));

        SeriesResult strict = desk.bookSeries(new SeriesCommand(first, Recurrence.weekly(4), SeriesPolicy.ALL_OR_NOTHING));
        assertThat(strict.booked()).isEmpty();
        assertThat(strict.series()).isEmpty();
        assertThat(strict.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.occurrence()).isEqualTo(2);
            assertThat(c.alternatives()).isNotEmpty();
        });
        assertThat(desk.forPatient(P1, monday("00:00"), monday("00:00").plus(Duration.ofDays(30)))).isEmpty();

        SeriesResult lenient = desk.bookSeries(new SeriesCommand(first, Recurrence.weekly(4), SeriesPolicy.BOOK_AVAILABLE));
        assertThat(lenient.booked()).hasSize(3);
        assertThat(lenient.conflicts()).hasSize(1);
        assertThat(lenient.booked()).allSatisfy(a -> {
            assertThat(a.start().atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(a.series()).isEqualTo(lenient.series());
        });
        // 2027-03-14 is the US spring-forward day: UTC time of the visits shifts by an hour.
        assertThat(lenient.booked().get(0).start().atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(14);
        assertThat(lenient.booked().get(2).start().atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(13);
    }

    @Test
    void overbooking_needs_a_supervisor_override_and_is_recorded() {
        List<RoleAssignment> drA = List.of(RoleAssignment.of("specialist", "dr-a"), RoleAssignment.of("room", "room-1"));
        desk.book(new BookCommand(CONSULT, P1, monday("11:00"), drA, Optional.empty(), Optional.empty()));
        BookCommand again = new BookCommand(CONSULT, P2, monday("11:00"), drA, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> desk.book(again)).isInstanceOf(SlotUnavailableException.class);
        assertThatThrownBy(() -> desk.book(again.overCapacity("urgent-add-on"))).isInstanceOf(AccessDeniedException.class);

        Appointment over = clinic.supervisor.appointments().book(again.overCapacity("urgent-add-on")).appointment();
        assertThat(over.overbooked()).isTrue();
        assertThat(over.history().get(0).reasonCode()).isEqualTo("override:urgent-add-on");
        assertThat(over.history().get(0).privileged()).isTrue();
    }

    @Test
    void a_patient_is_never_double_booked_and_search_avoids_their_own_visits() {
        desk.book(BookCommand.at(CONSULT, P1, monday("08:00")));

        assertThatThrownBy(() -> desk.book(BookCommand.at(MRI, P1, monday("08:15"))))
                .isInstanceOf(BookingRefusedException.class)
                .satisfies(e -> assertThat(((BookingRefusedException) e).code()).isEqualTo("patient-double-booked"));
        List<SlotOption> options = desk.findSlots(SlotQuery.earliest(CONSULT, P1, monday("00:00"), monday("23:00"), 1));
        assertThat(options.get(0).start()).isEqualTo(monday("08:30"));
    }

    @Test
    void holidays_remove_a_whole_local_day_and_notice_and_horizon_are_rules() {
        clinic.admin.schedule().addHoliday(MONDAY_1, "closed", Set.of(ResourceId.of("dr-a"), ResourceId.of("dr-b")));
        List<SlotOption> options = desk.findSlots(SlotQuery.earliest(CONSULT, P1, monday("00:00"),
                monday("00:00").plus(Duration.ofDays(2)), 1));
        assertThat(options.get(0).start()).isEqualTo(at(MONDAY_1.plusDays(1), "08:00"));

        assertThatThrownBy(() -> desk.book(BookCommand.at(CONSULT, P1, at(MONDAY_1.minusDays(3), "09:00"))))
                .isInstanceOf(BookingRefusedException.class).hasMessageContaining("minimum-notice");
        assertThatThrownBy(() -> desk.book(BookCommand.at(CONSULT, P1, at(MONDAY_1.plusYears(2), "09:00"))))
                .isInstanceOf(BookingRefusedException.class).hasMessageContaining("maximum-horizon");
    }

    @Test
    void only_resources_narrows_the_roles_it_names_and_keeps_the_others() {
        SlotOption option = desk.findSlots(SlotQuery.earliest(CONSULT, P1, monday("00:00"), monday("23:00"), 1)
                .with(Preferences.NONE.onlyWith(ResourceId.of("dr-b")))).get(0);
        assertThat(option.resources()).extracting(RoleAssignment::resource)
                .containsExactly(ResourceId.of("dr-b"), ResourceId.of("room-1"));
    }

    @Test
    void a_privileged_reset_into_a_taken_time_is_a_typed_conflict_with_alternatives() {
        List<RoleAssignment> mri = List.of(RoleAssignment.of("scanner", "mri-1"), RoleAssignment.of("technologist", "tech-1"),
                RoleAssignment.of("suite", "suite-1"));
        Appointment first = desk.book(new BookCommand(MRI, P1, monday("09:00"), mri, Optional.empty(), Optional.empty()))
                .appointment();
        desk.cancel(new CancelCommand(first.id(), CancellationReason.PATIENT_REQUEST));
        desk.book(new BookCommand(MRI, P2, monday("09:00"), mri, Optional.empty(), Optional.empty()));

        SlotUnavailableException lost = org.junit.jupiter.api.Assertions.assertThrows(SlotUnavailableException.class,
                () -> clinic.supervisor.appointments().reset(first.id(), AppointmentStatus.BOOKED, "fix"));
        assertThat(lost.alternatives()).isNotEmpty();
        assertThat(desk.get(first.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void a_freed_time_off_the_slot_step_is_still_offered_to_the_wait_list() {
        Appointment odd = desk.book(BookCommand.at(MRI, P1, monday("09:05"))).appointment();
        var entry = clinic.desk.waitList().add(new WaitlistRequest(P2, MRI, monday("07:00"), monday("13:00"), 3,
                Preferences.NONE));

        Cancellation cancelled = desk.cancel(new CancelCommand(odd.id(), CancellationReason.CLINICAL));

        assertThat(cancelled.offers()).singleElement().satisfies(o -> {
            assertThat(o.entry()).isEqualTo(entry.id());
            assertThat(o.slot().start()).isEqualTo(monday("09:05"));
        });
    }

    @Test
    void a_cancelled_status_set_by_transition_also_offers_the_time_to_the_wait_list() {
        Appointment a = desk.book(BookCommand.at(MRI, P1, monday("14:00"))).appointment();
        var entry = clinic.desk.waitList().add(new WaitlistRequest(P2, MRI, monday("13:00"), monday("16:00"), 0,
                Preferences.NONE));

        desk.transition(a.id(), AppointmentStatus.CANCELLED, "provider-sick");

        assertThat(clinic.desk.waitList().get(entry.id()).status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(clinic.desk.waitList().get(entry.id()).offer()).hasValueSatisfying(
                o -> assertThat(o.start()).isEqualTo(monday("14:00")));
    }
}
