package org.medcoord.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.at;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.TestClinic;

/**
 * Writes are checked by data category: the reason for the visit is clinical data, which the
 * standard policy lets clinicians and supervisors write, not schedulers.
 */
class ClinicalWriteTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final PatientId P1 = PatientId.of("p-1");

    private final TestClinic clinic = new TestClinic();

    @AfterEach
    void close() {
        clinic.close();
    }

    private static BookCommand consultAt(String time) {
        return new BookCommand(CONSULT, P1, at(MONDAY_1, time), List.of(RoleAssignment.of("specialist", "dr-a"),
                RoleAssignment.of("room", "room-1")), Optional.empty(), Optional.empty());
    }

    private CoordinatorSession as(String user, Role role) {
        return clinic.coordinator.session(Actor.of(user, "fac-1", role), Purpose.TREATMENT);
    }

    @Test
    void a_scheduler_may_book_but_not_write_a_reason_for_the_visit_and_the_refusal_leaves_nothing_and_is_audited() {
        CoordinatorSession desk = as("u-desk", Role.SCHEDULER);
        String before = clinic.snapshot();

        assertThatThrownBy(() -> desk.appointments().book(consultAt("10:00")
                .withReason(VisitReason.of("chest pain on exertion", "R07.9"))))
                .isInstanceOfSatisfying(AccessDeniedException.class, denied -> {
                    assertThat(denied.code()).isEqualTo(AccessDeniedException.NOT_GRANTED);
                    assertThat(denied.getMessage()).contains("u-desk", "reason", "CLINICAL WRITE")
                            .doesNotContain("chest pain", "R07.9", "p-1");
                });

        assertThat(clinic.snapshot()).as("nothing written").isEqualTo(before);
        assertThat(records("u-desk")).extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::detailCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("appointment.book", AuditOutcome.DENIED,
                        AccessDeniedException.NOT_GRANTED));
        Booking plain = desk.appointments().book(consultAt("10:00"));
        assertThat(plain.appointment().reason()).as("the same booking without the clinical field").isEmpty();
    }

    @Test
    void a_clinician_books_with_a_reason_and_reads_it_back() {
        CoordinatorSession clinician = as("u-doc", Role.CLINICIAN);

        Booking booked = clinician.appointments().book(consultAt("11:00")
                .withReason(VisitReason.of("syncope at home", "R55")));

        assertThat(clinician.appointments().get(booked.appointment().id()).reason()).isPresent();
    }

    private List<AuditRecord> records(String user) {
        return clinic.storage.read(tx -> tx.audit().all()).stream().filter(r -> r.user().value().equals(user)).toList();
    }
}
