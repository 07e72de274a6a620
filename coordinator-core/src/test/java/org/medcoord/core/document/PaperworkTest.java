package org.medcoord.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.AnswerType;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentGap;
import org.medcoord.api.document.DocumentKind;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.InvalidDocumentTransitionException;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.api.document.PaperworkMissingException;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireItem;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.document.WorklistEntry;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.TestClinic;
import org.medcoord.spi.storage.OutboxRecord;

/** Paperwork end to end on the memory adapter: lifecycle, the booking warning, the check-in guard and the worklist. */
class PaperworkTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final ServiceTypeId MRI = ServiceTypeId.of("mri");
    private static final DocumentTypeId SCREENING = DocumentType.MRI_SAFETY_SCREENING.id();
    private static final DocumentTypeId IMAGING = DocumentType.IMAGING_CONSENT.id();
    private static final PatientId P1 = PatientId.of("p-1");
    private static final PatientId P2 = PatientId.of("p-2");
    /** A free-text answer that must never leave the store. */
    private static final String CANARY = "Canary Jane Doe 1961-04-02 has a cochlear implant";

    private final TestClinic clinic = new TestClinic();
    private final Paperwork desk = clinic.desk.documents();

    @BeforeEach
    void requireMriPaperwork() {
        clinic.admin.documents().require(MRI, SCREENING, IMAGING);
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private static Instant monday(String time) {
        return at(MONDAY_1, time);
    }

    private static QuestionnaireResponse screeningAnswers() {
        return QuestionnaireResponse.of(ResponseItem.of("implant", Answer.of(true), Answer.code("cochlear-implant")),
                ResponseItem.of("weight-kg", Answer.of(72L)),
                ResponseItem.of("last-mri", Answer.of(LocalDate.of(2026, 5, 1))),
                ResponseItem.of("notes", Answer.text(CANARY)));
    }

    /** Requests, sends and completes the MRI paperwork of a patient. */
    private void completeMriPaperwork(PatientId patient) {
        PatientDocument screening = desk.request(DocumentRequest.of(patient, SCREENING));
        desk.markSent(screening.id());
        desk.complete(DocumentCompletion.answered(screening.id(), screeningAnswers()));
        PatientDocument consent = desk.request(DocumentRequest.of(patient, IMAGING));
        desk.complete(DocumentCompletion.signed(consent.id()));
    }

    private List<AuditRecord> audit(String action) {
        return clinic.storage.read(tx -> tx.audit().all()).stream().filter(r -> r.action().equals(action)).toList();
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void a_document_moves_requested_sent_completed_and_expires_on_the_clock() {
        Instant start = clinic.clock.instant();
        PatientDocument requested = desk.request(DocumentRequest.of(P1, SCREENING));
        assertThat(requested.status()).isEqualTo(DocumentStatus.REQUESTED);
        assertThat(requested.requestedAt()).isEqualTo(start);

        clinic.clock.advance(Duration.ofMinutes(5));
        PatientDocument sent = desk.markSent(requested.id());
        assertThat(sent.status()).isEqualTo(DocumentStatus.SENT);
        assertThat(sent.sentAt()).contains(start.plus(Duration.ofMinutes(5)));

        clinic.clock.advance(Duration.ofHours(1));
        Instant signedAt = clinic.clock.instant();
        PatientDocument done = desk.complete(DocumentCompletion.answered(requested.id(), screeningAnswers()));
        assertThat(done.status()).isEqualTo(DocumentStatus.COMPLETED);
        assertThat(done.completedAt()).contains(signedAt);
        assertThat(done.expiresAt()).contains(signedAt.plus(Duration.ofDays(30)));
        assertThat(desk.response(requested.id())).contains(screeningAnswers());
        List<OutboxRecord> outbox = clinic.storage.read(tx -> tx.outbox().pending(100));
        assertThat(outbox).filteredOn(e -> e.aggregateId().equals(requested.id().value()))
                .extracting(OutboxRecord::type)
                .containsExactly("document.requested", "document.sent", "document.completed");
        assertThat(outbox).allSatisfy(e -> assertThat(e.payload()).doesNotContain("Canary"));

        clinic.clock.set(signedAt.plus(Duration.ofDays(30)).minusNanos(1));
        assertThat(desk.get(requested.id()).status()).isEqualTo(DocumentStatus.COMPLETED);
        clinic.clock.set(signedAt.plus(Duration.ofDays(30)));
        assertThat(desk.get(requested.id()).status()).isEqualTo(DocumentStatus.EXPIRED);
        assertThat(desk.forPatient(P1)).extracting(PatientDocument::status).containsExactly(DocumentStatus.EXPIRED);

        assertThatThrownBy(() -> desk.revoke(requested.id(), "patient-withdrew"))
                .isInstanceOf(InvalidDocumentTransitionException.class)
                .hasMessageContaining("from expired to revoked");
    }

    @Test
    void revoking_a_consent_takes_effect_at_once() {
        completeMriPaperwork(P1);
        Booking booked = desk(MRI, P1, monday("10:00"));
        assertThat(booked.warnings()).isEmpty();
        PatientDocument consent = desk.forPatient(P1).stream().filter(d -> d.type().equals(IMAGING)).findFirst()
                .orElseThrow();

        PatientDocument revoked = desk.revoke(consent.id(), "patient-withdrew");

        assertThat(revoked.status()).isEqualTo(DocumentStatus.REVOKED);
        assertThat(revoked.revokedAt()).contains(clinic.clock.instant());
        assertThat(revoked.revocationReason()).contains("patient-withdrew");
        assertThat(desk.outstanding(booked.appointment().id())).containsExactly(
                new OutstandingDocument(IMAGING, DocumentGap.REVOKED, Optional.of(consent.id())));
        assertThatThrownBy(() -> clinic.desk.appointments().transition(booked.appointment().id(),
                AppointmentStatus.CHECKED_IN, "arrived"))
                .isInstanceOf(PaperworkMissingException.class);
        assertThatThrownBy(() -> desk.complete(DocumentCompletion.signed(consent.id())))
                .isInstanceOf(InvalidDocumentTransitionException.class);
    }

    @Test
    void questionnaires_need_answers_and_free_text_never_shows() {
        PatientDocument screening = desk.request(DocumentRequest.of(P1, SCREENING));

        assertThatThrownBy(() -> desk.complete(DocumentCompletion.signed(screening.id())))
                .isInstanceOf(org.medcoord.api.common.InvalidRequestException.class)
                .hasMessageContaining("response");
        assertThat(desk.get(screening.id()).status()).isEqualTo(DocumentStatus.REQUESTED);

        desk.complete(DocumentCompletion.answered(screening.id(), screeningAnswers()));
        QuestionnaireResponse stored = desk.response(screening.id()).orElseThrow();
        assertThat(stored.item("notes").orElseThrow().answers()).containsExactly(Answer.text(CANARY));
        assertThat(stored.toString()).doesNotContain("Canary").doesNotContain("cochlear implant");
    }

    @Test
    void answers_are_checked_against_a_defined_questionnaire() {
        Questionnaire mriScreening = Questionnaire.of(SCREENING,
                QuestionnaireItem.required("implant", AnswerType.BOOLEAN),
                new QuestionnaireItem("implant-kind", AnswerType.CODING, false, true),
                QuestionnaireItem.optional("weight-kg", AnswerType.INTEGER),
                QuestionnaireItem.optional("last-mri", AnswerType.DATE),
                QuestionnaireItem.optional("notes", AnswerType.STRING));
        clinic.admin.documents().defineQuestionnaire(mriScreening);
        assertThat(desk.questionnaire(SCREENING)).contains(mriScreening);
        PatientDocument screening = desk.request(DocumentRequest.of(P1, SCREENING));

        QuestionnaireResponse wrong = QuestionnaireResponse.of(
                ResponseItem.of("implant", Answer.of(true), Answer.of(false)),
                ResponseItem.of("weight-kg", Answer.text(CANARY)),
                ResponseItem.of("shoe-size", Answer.of(42L)));
        assertThatThrownBy(() -> desk.complete(DocumentCompletion.answered(screening.id(), wrong)))
                .isInstanceOfSatisfying(org.medcoord.api.common.InvalidRequestException.class, e -> {
                    assertThat(e.violations()).extracting(org.medcoord.api.common.Violation::path).containsExactly(
                            "response.items[0].answers", "response.items[1].answers[0]", "response.items[2].linkId");
                    assertThat(e.getMessage()).doesNotContain("Canary");
                });
        QuestionnaireResponse unanswered = QuestionnaireResponse.of(ResponseItem.of("notes", Answer.text(CANARY)));
        assertThatThrownBy(() -> desk.complete(DocumentCompletion.answered(screening.id(), unanswered)))
                .isInstanceOf(org.medcoord.api.common.InvalidRequestException.class)
                .hasMessageContaining("response.items: must answer required item implant")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Canary"));
        assertThat(desk.get(screening.id()).status()).isEqualTo(DocumentStatus.REQUESTED);
        assertThat(desk.response(screening.id())).isEmpty();

        QuestionnaireResponse right = QuestionnaireResponse.of(
                ResponseItem.of("implant", Answer.of(true)),
                ResponseItem.of("implant-kind", Answer.code("cochlear"), Answer.code("stent")),
                ResponseItem.of("notes", Answer.text(CANARY)));
        assertThat(desk.complete(DocumentCompletion.answered(screening.id(), right)).status())
                .isEqualTo(DocumentStatus.COMPLETED);
        assertThatThrownBy(() -> clinic.admin.documents().defineQuestionnaire(Questionnaire.of(IMAGING,
                QuestionnaireItem.required("x", AnswerType.BOOLEAN))))
                .isInstanceOf(org.medcoord.api.common.InvalidRequestException.class)
                .hasMessageContaining("questionnaire.type");
    }

    @Test
    void a_host_may_define_its_own_type_and_redefine_a_well_known_validity() {
        clinic.admin.documents().defineType(DocumentType.of("contrast-consent", DocumentKind.CONSENT, Duration.ofDays(7)));
        clinic.admin.documents().defineType(new DocumentType(SCREENING, DocumentKind.SCREENING,
                Optional.of(Duration.ofDays(2))));

        assertThat(desk.request(DocumentRequest.of(P1, DocumentTypeId.of("contrast-consent"))).type().value())
                .isEqualTo("contrast-consent");
        PatientDocument screening = desk.request(DocumentRequest.of(P1, SCREENING));
        assertThat(desk.complete(DocumentCompletion.answered(screening.id(), screeningAnswers())).expiresAt())
                .contains(clinic.clock.instant().plus(Duration.ofDays(2)));
        assertThat(clinic.desk.documents().types()).extracting(t -> t.id().value()).contains("contrast-consent",
                "hipaa-notice-acknowledgement", "study-consent");
        assertThat(desk.requirement(MRI).documents()).containsExactly(SCREENING, IMAGING);
        assertThat(desk.requirement(CONSULT).documents()).isEmpty();
    }

    // ---------------------------------------------------------------- booking rule

    private Booking desk(ServiceTypeId service, PatientId patient, Instant start) {
        return clinic.desk.appointments().book(BookCommand.at(service, patient, start));
    }

    @Test
    void a_changed_requirement_counts_from_the_next_booking_on() {
        assertThat(desk(MRI, P1, monday("09:00")).warnings()).extracting(RuleFinding::code)
                .containsExactly("paperwork-not-requested", "paperwork-not-requested");
        assertThat(desk(MRI, P2, monday("11:00")).warnings()).hasSize(2);

        clinic.admin.documents().require(MRI, IMAGING);
        List<RuleFinding> imagingOnly = desk(MRI, P1, monday("13:00")).warnings();
        assertThat(imagingOnly).extracting(RuleFinding::code).containsExactly("paperwork-not-requested");
        assertThat(imagingOnly.get(0).message()).contains(IMAGING.value());

        clinic.admin.documents().require(MRI);
        assertThat(desk(MRI, P2, monday("15:00")).warnings()).isEmpty();
        clinic.admin.documents().require(CONSULT, SCREENING);
        assertThat(desk(CONSULT, P1, monday("16:00")).warnings()).extracting(RuleFinding::code)
                .containsExactly("paperwork-not-requested");
    }

    @Test
    void booking_without_paperwork_goes_ahead_with_one_warning_per_missing_document() {
        PatientDocument pending = desk.request(DocumentRequest.of(P1, IMAGING));

        Booking booking = desk(MRI, P1, monday("10:00"));

        assertThat(booking.appointment().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booking.warnings()).extracting(RuleFinding::rule).containsOnly("paperwork");
        assertThat(booking.warnings()).extracting(RuleFinding::severity).containsOnly(RuleFinding.Severity.WARNING);
        assertThat(booking.warnings()).extracting(RuleFinding::code)
                .containsExactly("paperwork-not-requested", "paperwork-pending");
        assertThat(booking.warnings().get(0).message()).contains(SCREENING.value()).contains("p-1");
        assertThat(desk.outstanding(booking.appointment().id())).containsExactly(
                new OutstandingDocument(SCREENING, DocumentGap.NOT_REQUESTED, Optional.empty()),
                new OutstandingDocument(IMAGING, DocumentGap.PENDING, Optional.of(pending.id())));
        assertThat(desk(CONSULT, P1, monday("14:00")).warnings()).isEmpty();
    }

    @Test
    void booking_warns_when_a_document_expires_before_the_visit() {
        completeMriPaperwork(P1);
        Instant in40Days = at(MONDAY_1.plusDays(42), "10:00");

        Booking booking = desk(MRI, P1, in40Days);

        assertThat(booking.warnings()).extracting(RuleFinding::code).containsExactly("paperwork-expires-before-visit");
        assertThat(desk.outstanding(booking.appointment().id())).extracting(OutstandingDocument::gap)
                .containsExactly(DocumentGap.EXPIRES_BEFORE_VISIT);
    }

    // ---------------------------------------------------------------- check-in guard

    @Test
    void check_in_is_blocked_while_paperwork_is_missing_and_a_supervisor_override_is_audited() {
        Appointment mri = desk(MRI, P1, monday("10:00")).appointment();
        clinic.clock.set(monday("09:50"));

        PaperworkMissingException blocked = org.junit.jupiter.api.Assertions.assertThrows(
                PaperworkMissingException.class, () -> clinic.desk.appointments().checkIn(mri.id(), Optional.empty()));
        assertThat(blocked.code()).isEqualTo("paperwork-missing");
        assertThat(blocked.missing()).containsExactly(SCREENING, IMAGING);
        assertThat(blocked.appointment()).isEqualTo(mri.id());
        assertThat(blocked.getMessage()).contains(mri.id().value()).contains(SCREENING.value());
        assertThat(clinic.desk.appointments().get(mri.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(audit("appointment.status.checked-in")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(r.detailCode()).isEqualTo("paperwork-missing");
            assertThat(r.patient()).contains(P1);
        });

        assertThatThrownBy(() -> clinic.desk.appointments().checkIn(mri.id(), Optional.of("clinical-urgency")))
                .isInstanceOf(AccessDeniedException.class);
        Appointment checkedIn = clinic.supervisor.appointments().checkIn(mri.id(), Optional.of("clinical-urgency"));

        assertThat(checkedIn.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        StatusChange last = checkedIn.history().get(checkedIn.history().size() - 1);
        assertThat(last.privileged()).isTrue();
        assertThat(last.reasonCode()).isEqualTo("override:clinical-urgency");
        assertThat(last.by().value()).isEqualTo("u-super");
        List<AuditRecord> overrides = audit("appointment.check-in.override");
        assertThat(overrides).extracting(AuditRecord::outcome).containsExactly(AuditOutcome.DENIED, AuditOutcome.SUCCESS);
        AuditRecord granted = overrides.get(1);
        assertThat(granted.user().value()).isEqualTo("u-super");
        assertThat(granted.patient()).contains(P1);
        assertThat(granted.entities()).containsExactly(mri.id().value(), "document-type:" + SCREENING.value(),
                "document-type:" + IMAGING.value());
    }

    @Test
    void check_in_goes_through_once_paperwork_is_complete() {
        Appointment mri = desk(MRI, P1, monday("10:00")).appointment();
        completeMriPaperwork(P1);
        clinic.clock.set(monday("09:50"));

        clinic.desk.appointments().transition(mri.id(), AppointmentStatus.ARRIVED, "arrived");
        Appointment checkedIn = clinic.desk.appointments().checkIn(mri.id(), Optional.empty());

        assertThat(checkedIn.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(checkedIn.history().get(checkedIn.history().size() - 1).privileged()).isFalse();
        assertThat(audit("appointment.check-in.override")).isEmpty();
    }

    @Test
    void a_screening_that_expired_by_check_in_time_blocks_the_check_in() {
        completeMriPaperwork(P1);
        Instant visit = at(MONDAY_1.plusDays(35), "10:00");
        Appointment mri = desk(MRI, P1, visit).appointment();
        clinic.clock.set(visit.minus(Duration.ofMinutes(10)));

        assertThatThrownBy(() -> clinic.desk.appointments().transition(mri.id(), AppointmentStatus.CHECKED_IN, "in"))
                .isInstanceOfSatisfying(PaperworkMissingException.class,
                        e -> assertThat(e.missing()).containsExactly(SCREENING));
        assertThat(desk.outstanding(mri.id())).containsExactly(new OutstandingDocument(SCREENING, DocumentGap.EXPIRED,
                desk.forPatient(P1).stream().filter(d -> d.type().equals(SCREENING)).map(PatientDocument::id)
                        .findFirst()));
    }

    @Test
    void services_without_requirements_check_in_as_before() {
        Appointment consult = desk(CONSULT, P1, monday("10:00")).appointment();
        assertThat(clinic.desk.appointments().transition(consult.id(), AppointmentStatus.CHECKED_IN, "in").status())
                .isEqualTo(AppointmentStatus.CHECKED_IN);
    }

    // ---------------------------------------------------------------- worklist

    @Test
    void the_worklist_lists_upcoming_appointments_with_paperwork_outstanding_by_start() {
        Appointment later = desk(MRI, P1, at(MONDAY_1.plusDays(2), "10:00")).appointment();
        Appointment sooner = desk(MRI, P1, monday("10:00")).appointment();
        completeMriPaperwork(P2);
        desk(MRI, P2, monday("13:00"));
        desk(CONSULT, PatientId.of("p-3"), monday("11:00"));
        Appointment beyond = desk(MRI, PatientId.of("p-4"), at(MONDAY_1.plusDays(9), "10:00")).appointment();
        Appointment cancelled = desk(MRI, PatientId.of("p-5"), monday("15:00")).appointment();
        clinic.desk.appointments().cancel(new org.medcoord.api.appointment.CancelCommand(cancelled.id(),
                org.medcoord.api.appointment.CancellationReason.PATIENT_REQUEST));

        List<WorklistEntry> week = desk.worklist(7);

        assertThat(week).extracting(WorklistEntry::appointment).containsExactly(sooner.id(), later.id());
        assertThat(week.get(0).patient()).isEqualTo(P1);
        assertThat(week.get(0).service()).isEqualTo(MRI);
        assertThat(week.get(0).missingTypes()).containsExactly(SCREENING, IMAGING);
        assertThat(desk.worklist(14)).extracting(WorklistEntry::appointment).contains(beyond.id());
        assertThat(audit("document.worklist")).extracting(AuditRecord::outcome).containsOnly(AuditOutcome.SUCCESS);
    }

    // ---------------------------------------------------------------- access

    @Test
    void access_follows_role_and_purpose() {
        CoordinatorSession research = clinic.coordinator.session(Actor.of("u-res", "fac-1", Role.CLINICIAN),
                Purpose.RESEARCH);
        assertThatThrownBy(() -> research.documents().request(DocumentRequest.of(P1, SCREENING)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clinic.admin.documents().request(DocumentRequest.of(P1, SCREENING)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.require(CONSULT, DocumentType.HIPAA_NOTICE.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> research.documents().forPatient(P1)).isInstanceOf(AccessDeniedException.class);
        assertThat(audit("document.list-patient")).extracting(AuditRecord::outcome)
                .containsExactly(AuditOutcome.DENIED);
        assertThat(audit("document.request")).extracting(AuditRecord::outcome)
                .containsExactly(AuditOutcome.DENIED, AuditOutcome.DENIED);
    }
}
