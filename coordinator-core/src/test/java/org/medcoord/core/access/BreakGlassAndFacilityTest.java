package org.medcoord.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.EmergencyAccess;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.TestClinic;
import org.medcoord.spi.storage.OutboxRecord;

class BreakGlassAndFacilityTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final PatientId P1 = PatientId.of("p-1");
    private static final Actor ER_DOCTOR = Actor.of("u-er", "fac-2", Role.CLINICIAN);

    private TestClinic clinic = new TestClinic();

    @AfterEach
    void close() {
        clinic.close();
    }

    private Appointment bookedAtFacility1() {
        CoordinatorSession clinician = clinic.coordinator.session(Actor.of("u-doc", "fac-1", Role.CLINICIAN),
                Purpose.TREATMENT);
        return clinician.appointments().book(new BookCommand(CONSULT, P1, at(MONDAY_1, "10:00"),
                List.of(RoleAssignment.of("specialist", "dr-a"), RoleAssignment.of("room", "room-1")),
                Optional.empty(), Optional.empty()).withReason(VisitReason.of("syncope at home", "R55"))).appointment();
    }

    @Test
    void an_appointment_belongs_to_the_booking_users_facility() {
        assertThat(bookedAtFacility1().facility().value()).isEqualTo("fac-1");
    }

    @Test
    void a_user_of_another_facility_neither_sees_nor_changes_the_appointment_and_each_refusal_is_audited() {
        Appointment booked = bookedAtFacility1();
        CoordinatorSession other = clinic.coordinator.session(Actor.of("u-far", "fac-2", Role.SUPERVISOR),
                Purpose.TREATMENT);
        String before = clinic.snapshot();

        assertThatThrownBy(() -> other.appointments().get(booked.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo(AccessDeniedException.OTHER_FACILITY))
                .hasMessageContaining(booked.id().value()).hasMessageContaining("fac-2");
        assertThatThrownBy(() -> other.appointments().cancel(new CancelCommand(booked.id(),
                CancellationReason.PATIENT_REQUEST))).isInstanceOf(AccessDeniedException.class);
        assertThat(other.appointments().forPatient(P1, at(MONDAY_1, "00:00"), at(MONDAY_1, "23:00"))).isEmpty();
        assertThat(other.appointments().forResource(ResourceId.of("dr-a"), at(MONDAY_1, "00:00"),
                at(MONDAY_1, "23:00"))).isEmpty();

        assertThat(clinic.snapshot()).isEqualTo(before);
        assertThat(records("u-far")).extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::detailCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("appointment.read", AuditOutcome.DENIED, "other-facility"),
                        org.assertj.core.groups.Tuple.tuple("appointment.cancel", AuditOutcome.DENIED, "other-facility"),
                        org.assertj.core.groups.Tuple.tuple("appointment.list-patient", AuditOutcome.SUCCESS, "ok"),
                        org.assertj.core.groups.Tuple.tuple("appointment.list-resource", AuditOutcome.SUCCESS, "ok"));
    }

    @Test
    void a_cross_facility_role_sees_every_facility() {
        clinic.close();
        clinic = new TestClinic(AccessPolicy.standard().toBuilder().crossFacility(Role.SUPERVISOR).build());
        Appointment booked = bookedAtFacility1();
        CoordinatorSession regional = clinic.coordinator.session(Actor.of("u-region", "fac-2", Role.SUPERVISOR),
                Purpose.TREATMENT);
        assertThat(regional.appointments().get(booked.id()).reason()).isPresent();
        CoordinatorSession desk = clinic.coordinator.session(Actor.of("u-desk2", "fac-2", Role.SCHEDULER),
                Purpose.TREATMENT);
        assertThatThrownBy(() -> desk.appointments().get(booked.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void emergency_purpose_without_breaking_the_glass_is_denied_and_audited() {
        Appointment booked = bookedAtFacility1();
        CoordinatorSession emergency = clinic.coordinator.session(ER_DOCTOR, Purpose.EMERGENCY);
        assertThat(emergency.breakGlassUntil()).isEmpty();
        assertThatThrownBy(() -> emergency.appointments().get(booked.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo(AccessDeniedException.NOT_GRANTED));
        assertThat(records("u-er")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(r.purpose()).isEqualTo(Purpose.EMERGENCY);
            assertThat(r.patient()).contains(P1);
        });
    }

    @Test
    void breaking_the_glass_opens_time_limited_access_across_facilities_raises_an_alert_and_audits_every_access() {
        Appointment booked = bookedAtFacility1();
        Instant opened = clinic.clock.instant();
        CoordinatorSession glass = clinic.coordinator.breakGlass(ER_DOCTOR,
                EmergencyAccess.of("unconscious-patient", Duration.ofMinutes(30)));
        assertThat(glass.purpose()).isEqualTo(Purpose.EMERGENCY);
        assertThat(glass.breakGlassUntil()).contains(opened.plus(Duration.ofMinutes(30)));

        List<OutboxRecord> alerts = clinic.storage.read(tx -> tx.outbox().pending(1000)).stream()
                .filter(r -> r.type().equals("access.break-glass")).toList();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.payload()).contains("\"user\":\"u-er\"").contains("unconscious-patient")
                    .doesNotContain("syncope");
        });

        Appointment seen = glass.appointments().get(booked.id());
        assertThat(seen.reason()).isPresent();

        clinic.clock.advance(Duration.ofMinutes(29));
        assertThat(glass.appointments().forPatient(P1, at(MONDAY_1, "00:00"), at(MONDAY_1, "23:00"))).hasSize(1);

        clinic.clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> glass.appointments().get(booked.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo(AccessDeniedException.BREAK_GLASS_EXPIRED));

        List<AuditRecord> trail = records("u-er");
        assertThat(trail).extracting(AuditRecord::action, AuditRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("access.break-glass", AuditOutcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple("appointment.read", AuditOutcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple("appointment.list-patient", AuditOutcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple("appointment.read", AuditOutcome.DENIED));
        assertThat(trail).allSatisfy(r -> assertThat(r.purpose()).isEqualTo(Purpose.EMERGENCY));
        String grant = trail.get(0).entities().get(0);
        assertThat(trail).allSatisfy(r -> assertThat(r.entities()).contains("break-glass:" + grant));
        assertThat(trail.get(0).detailCode()).isEqualTo("unconscious-patient");
        assertThat(trail.get(3).detailCode()).isEqualTo(AccessDeniedException.BREAK_GLASS_EXPIRED);
    }

    @Test
    void a_longer_request_is_cut_to_the_policy_limit() {
        Instant opened = clinic.clock.instant();
        CoordinatorSession glass = clinic.coordinator.breakGlass(ER_DOCTOR,
                EmergencyAccess.of("mass-casualty", Duration.ofHours(8)));
        assertThat(glass.breakGlassUntil()).contains(opened.plus(AccessPolicy.STANDARD_BREAK_GLASS_LIMIT));
    }

    @Test
    void break_glass_never_grants_overrides() {
        Appointment booked = bookedAtFacility1();
        CoordinatorSession glass = clinic.coordinator.breakGlass(Actor.of("u-er-sup", "fac-2", Role.SUPERVISOR),
                EmergencyAccess.of("ed-trauma", Duration.ofMinutes(10)));
        assertThatThrownBy(() -> glass.appointments().book(new BookCommand(CONSULT, PatientId.of("p-2"), booked.start(),
                booked.resources(), Optional.empty(), Optional.empty()).overCapacity("trauma")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_role_that_may_not_break_the_glass_is_refused_and_the_attempt_audited() {
        assertThatThrownBy(() -> clinic.coordinator.breakGlass(Actor.of("u-adm", "fac-1", Role.ADMINISTRATOR),
                EmergencyAccess.of("curious", Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo(AccessDeniedException.BREAK_GLASS_REFUSED));
        assertThat(records("u-adm")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("access.break-glass");
            assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
        });
        List<OutboxRecord> pending = clinic.storage.read(tx -> tx.outbox().pending(1000));
        assertThat(pending).noneMatch(r -> r.type().equals("access.break-glass"));
    }

    @Test
    void breaking_the_glass_needs_a_reason_code_and_a_positive_duration() {
        assertThatThrownBy(() -> EmergencyAccess.of(null, Duration.ofMinutes(5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reasonCode");
        assertThatThrownBy(() -> EmergencyAccess.of("patient Jane Doe collapsed", Duration.ofMinutes(5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reasonCode")
                .hasMessageNotContaining("Jane");
        assertThatThrownBy(() -> EmergencyAccess.of("ed-trauma", Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> clinic.coordinator.breakGlass(ER_DOCTOR, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("access");
    }

    private List<AuditRecord> records(String user) {
        return clinic.storage.read(tx -> tx.audit().all()).stream().filter(r -> r.user().value().equals(user)).toList();
    }
}
