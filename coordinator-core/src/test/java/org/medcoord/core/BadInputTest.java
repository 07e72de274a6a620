package org.medcoord.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.ZONE;
import static org.medcoord.core.TestClinic.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldExpiredException;
import org.medcoord.api.appointment.InvalidTransitionException;
import org.medcoord.api.appointment.RescheduleCommand;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.Violation;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyHours;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.json.MedCoordJson;

/**
 * Every kind of bad input the issue lists gets a typed error naming the field, and leaves the
 * storage exactly as it was.
 */
class BadInputTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final PatientId P1 = PatientId.of("p-1");

    private final TestClinic clinic = new TestClinic();
    private final Appointments desk = clinic.desk.appointments();

    @AfterEach
    void close() {
        clinic.close();
    }

    private static Instant monday(String time) {
        return at(MONDAY_1, time);
    }

    /** Runs a call that must fail with an invalid request naming {@code path}, changing nothing. */
    private void rejected(String path, ThrowingCallable call) {
        String before = clinic.snapshot();
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(Violation::path)
                        .contains(path));
        assertThat(clinic.snapshot()).isEqualTo(before);
    }

    @Test
    void end_before_start_is_refused() {
        rejected("end", () -> new Unavailability(ResourceId.of("dr-a"), monday("10:00"), monday("09:00"),
                UnavailabilityKind.BLOCK, "meeting"));
        rejected("end", () -> new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(8, 0)));
        rejected("to", () -> desk.findSlots(SlotQuery.earliest(CONSULT, P1, monday("10:00"), monday("09:00"), 5)));
    }

    @Test
    void zero_or_negative_durations_are_refused() {
        ResourceRequirement req = ResourceRequirement.of("specialist", ResourceKind.PRACTITIONER, "cardiology");
        rejected("duration", () -> ServiceType.of("x", "X", Duration.ZERO, req));
        rejected("duration", () -> ServiceType.of("x", "X", Duration.ofMinutes(-30), req));
        rejected("duration", () -> ServiceType.of("x", "X", Duration.ofMinutes(7), req));
        rejected("bufferAfter", () -> ServiceType.of("x", "X", Duration.ofMinutes(30), req)
                .withBuffers(Duration.ZERO, Duration.ofMinutes(-5)));
        rejected("holdFor", () -> desk.hold(BookCommand.at(CONSULT, P1, monday("09:00")), Duration.ZERO));
    }

    @Test
    void an_unknown_time_zone_is_refused_with_the_field_path() {
        String json = MedCoordJson.write(Resource.of("dr-z", ResourceKind.PRACTITIONER, "Z", ZONE, "north"))
                .replace("America/New_York", "Mars/Olympus_Mons");
        rejected("zone", () -> MedCoordJson.read(json, Resource.class));
    }

    @Test
    void unknown_resources_and_services_are_refused() {
        rejected("service", () -> desk.book(BookCommand.at(ServiceTypeId.of("no-such"), P1, monday("09:00"))));
        rejected("service", () -> desk.findSlots(SlotQuery.earliest(ServiceTypeId.of("no-such"), P1, monday("09:00"),
                monday("17:00"), 5)));
        rejected("resources[0].resource", () -> desk.book(new BookCommand(CONSULT, P1, monday("09:00"),
                List.of(RoleAssignment.of("specialist", "dr-nobody"), RoleAssignment.of("room", "room-1")),
                Optional.empty(), Optional.empty())));
        rejected("resources[1].resource", () -> desk.book(new BookCommand(CONSULT, P1, monday("09:00"),
                List.of(RoleAssignment.of("specialist", "dr-a"), RoleAssignment.of("room", "mri-1")),
                Optional.empty(), Optional.empty())));
        rejected("resources", () -> desk.book(new BookCommand(CONSULT, P1, monday("09:00"),
                List.of(RoleAssignment.of("specialist", "dr-a")), Optional.empty(), Optional.empty())));
        String before = clinic.snapshot();
        assertThatThrownBy(() -> clinic.admin.schedule().addTemplate(WeeklyTemplate.of(ResourceId.of("dr-nobody"),
                MONDAY_1, "08:00", "12:00", DayOfWeek.MONDAY))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("dr-nobody");
        assertThatThrownBy(() -> desk.get(org.medcoord.api.appointment.AppointmentId.of("apt-missing")))
                .isInstanceOf(NotFoundException.class);
        assertThat(clinic.snapshot()).isEqualTo(before);
    }

    @Test
    void a_hold_confirmed_after_it_expired_is_refused_and_books_nothing() {
        Hold hold = desk.hold(BookCommand.at(CONSULT, P1, monday("09:00")), Duration.ofMinutes(5));
        clinic.clock.advance(Duration.ofMinutes(5));
        String before = clinic.snapshot();

        assertThatThrownBy(() -> desk.confirm(hold.id())).isInstanceOf(HoldExpiredException.class)
                .hasMessageContaining(hold.id().value());
        assertThat(clinic.snapshot()).isEqualTo(before);
        assertThat(desk.forPatient(P1, monday("00:00"), monday("23:00"))).isEmpty();
    }

    @Test
    void a_status_moved_backwards_is_refused_and_changes_nothing() {
        Appointment a = desk.book(BookCommand.at(CONSULT, P1, monday("09:00"))).appointment();
        desk.transition(a.id(), AppointmentStatus.CHECKED_IN, "front-desk");
        String before = clinic.snapshot();

        assertThatThrownBy(() -> desk.transition(a.id(), AppointmentStatus.BOOKED, "undo"))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> desk.transition(a.id(), AppointmentStatus.ARRIVED, "undo"))
                .isInstanceOf(InvalidTransitionException.class);
        assertThat(clinic.snapshot()).isEqualTo(before);
        rejected("reasonCode", () -> desk.transition(a.id(), AppointmentStatus.FULFILLED, " "));
    }

    @Test
    void null_or_blank_ids_are_refused_with_the_field_name() {
        rejected("patientId", () -> PatientId.of(""));
        rejected("patientId", () -> PatientId.of("   "));
        rejected("patientId", () -> PatientId.of(null));
        rejected("resourceId", () -> ResourceId.of("has space"));
        rejected("patient", () -> desk.book(new BookCommand(CONSULT, null, monday("09:00"), List.of(),
                Optional.empty(), Optional.empty())));
        rejected("appointment", () -> desk.get(null));
        rejected("command", () -> desk.book(null));
        InvalidRequestException several = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> desk.book(new BookCommand(null, null, null, null, null, null)));
        assertThat(several.violations()).extracting(Violation::path)
                .contains("service", "patient", "start", "resources", "idempotencyKey", "override");
    }

    @Test
    void overlong_strings_are_refused() {
        char[] long65 = new char[65];
        Arrays.fill(long65, 'a');
        rejected("patientId", () -> PatientId.of(new String(long65)));
        char[] long121 = new char[121];
        Arrays.fill(long121, 'n');
        rejected("displayName", () -> Resource.of("dr-x", ResourceKind.PRACTITIONER, new String(long121), ZONE, "north"));
        rejected("reasonCode", () -> desk.reschedule(RescheduleCommand.to(
                org.medcoord.api.appointment.AppointmentId.of("apt-x"), monday("09:00"), new String(long65))));
    }

    @Test
    void a_start_off_the_calendar_grid_is_refused() {
        rejected("start", () -> desk.book(BookCommand.at(CONSULT, P1, monday("09:02"))));
    }

    @Test
    void error_messages_name_fields_and_ids_but_never_echo_values() {
        CoordinatorException e = org.junit.jupiter.api.Assertions.assertThrows(CoordinatorException.class,
                () -> PatientId.of("Jane Doe 1970-01-01"));
        assertThat(e.getMessage()).contains("patientId").doesNotContain("Jane").doesNotContain("1970");
        assertThatThrownBy(() -> clinic.admin.schedule().addHoliday(MONDAY_1, "x", Set.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("resources");
    }
}
