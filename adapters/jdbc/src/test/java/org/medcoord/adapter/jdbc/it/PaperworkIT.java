package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.AnswerType;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentGap;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.api.document.PaperworkMissingException;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireItem;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.document.WorklistEntry;
import org.medcoord.core.Coordinators;

/**
 * Paperwork end to end on both databases, across a restart: requirements, the booking warning,
 * the blocked check-in, completion with answers, expiry on the clock, revocation at once, the
 * worklist and the audited supervisor override.
 */
class PaperworkIT {
    private static final DocumentTypeId SCREENING = DocumentType.MRI_SAFETY_SCREENING.id();
    private static final DocumentTypeId CONSENT = DocumentType.IMAGING_CONSENT.id();
    private static final PatientId P1 = PatientId.of("p-1");
    private static final PatientId P2 = PatientId.of("p-2");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void paperwork_blocks_check_in_until_in_order_and_survives_a_restart(String database) {
        JdbcOptions options = database.equals("h2") ? JdbcOptions.embedded(dir.resolve("paperwork"))
                : ItPostgres.newDatabase("paperwork");
        TestClock clock = new TestClock(ItClinic.NOW);
        AppointmentId first;
        AppointmentId second;
        PatientDocument screening;
        QuestionnaireResponse answers = QuestionnaireResponse.of(
                ResponseItem.of("pacemaker", Answer.of(false)),
                ResponseItem.of("implants", Answer.code("hip-replacement"), Answer.code("stent")),
                ResponseItem.of("weight-kg", Answer.of(81L)),
                ResponseItem.of("last-scan", Answer.of(LocalDate.of(2026, 2, 3))),
                ResponseItem.of("notes", Answer.text("left hip, 2019; 'no' issues\nsince")));
        try (Coordinator coordinator = coordinator(options, clock)) {
            ItClinic.define(coordinator, 2);
            CoordinatorSession admin = ItClinic.admin(coordinator);
            CoordinatorSession desk = ItClinic.desk(coordinator, "u-desk");
            admin.documents().require(ItClinic.VISIT, SCREENING, CONSENT);
            admin.documents().defineQuestionnaire(Questionnaire.of(SCREENING,
                    QuestionnaireItem.required("pacemaker", AnswerType.BOOLEAN),
                    new QuestionnaireItem("implants", AnswerType.CODING, false, true),
                    QuestionnaireItem.optional("weight-kg", AnswerType.INTEGER),
                    QuestionnaireItem.optional("last-scan", AnswerType.DATE),
                    QuestionnaireItem.optional("notes", AnswerType.STRING)));

            Booking booking = desk.appointments().book(ItClinic.visit(P1.value(), ItClinic.clinician(0),
                    ItClinic.at(0, 12)));
            first = booking.appointment().id();
            assertThat(booking.warnings()).extracting(RuleFinding::code)
                    .containsExactly("paperwork-not-requested", "paperwork-not-requested");
            second = desk.appointments().book(ItClinic.visit(P2.value(), ItClinic.clinician(0), ItClinic.at(1, 12)))
                    .appointment().id();
            assertThat(desk.documents().worklist(7)).extracting(WorklistEntry::appointment)
                    .containsExactly(first, second);
            assertThatThrownBy(() -> desk.appointments().checkIn(first, Optional.empty()))
                    .isInstanceOfSatisfying(PaperworkMissingException.class,
                            e -> assertThat(e.missing()).containsExactly(SCREENING, CONSENT));

            screening = desk.documents().request(DocumentRequest.of(P1, SCREENING));
            desk.documents().markSent(screening.id());
            desk.documents().complete(DocumentCompletion.answered(screening.id(), answers));
            PatientDocument consent = desk.documents().request(DocumentRequest.of(P1, CONSENT));
            desk.documents().complete(DocumentCompletion.signed(consent.id()));
            assertThat(desk.documents().worklist(7)).extracting(WorklistEntry::appointment).containsExactly(second);
        }

        try (Coordinator restarted = coordinator(options, clock)) {
            CoordinatorSession desk = ItClinic.desk(restarted, "u-desk");
            assertThat(desk.documents().response(screening.id())).contains(answers);
            assertThat(desk.documents().requirement(ItClinic.VISIT).documents()).containsExactly(SCREENING, CONSENT);
            assertThat(desk.appointments().checkIn(first, Optional.empty()).status())
                    .isEqualTo(AppointmentStatus.CHECKED_IN);

            PatientDocument consent = desk.documents().request(DocumentRequest.of(P2, CONSENT));
            desk.documents().complete(DocumentCompletion.signed(consent.id()));
            desk.documents().revoke(consent.id(), "patient-withdrew");
            PatientDocument p2Screening = desk.documents().request(DocumentRequest.of(P2, SCREENING));
            desk.documents().complete(DocumentCompletion.answered(p2Screening.id(),
                    QuestionnaireResponse.of(ResponseItem.of("pacemaker", Answer.of(false)))));
            assertThat(desk.documents().outstanding(second)).containsExactly(
                    new OutstandingDocument(CONSENT, DocumentGap.REVOKED, Optional.of(consent.id())));

            clock.advance(Duration.ofDays(31));
            assertThat(desk.documents().get(screening.id()).status()).isEqualTo(DocumentStatus.EXPIRED);
            assertThat(desk.documents().outstanding(second)).extracting(OutstandingDocument::gap)
                    .containsExactly(DocumentGap.EXPIRED, DocumentGap.REVOKED);

            CoordinatorSession supervisor = restarted.session(Actor.of("u-super", "fac-1", Role.SUPERVISOR),
                    Purpose.TREATMENT);
            assertThat(supervisor.appointments().checkIn(second, Optional.of("clinical-urgency")).status())
                    .isEqualTo(AppointmentStatus.CHECKED_IN);
        }

        try (JdbcStorage storage = JdbcStorage.open(options)) {
            List<AuditRecord> overrides = storage.read(tx -> tx.audit().all()).stream()
                    .filter(r -> r.action().equals("appointment.check-in.override")).toList();
            assertThat(overrides).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                assertThat(r.patient()).contains(P2);
                assertThat(r.entities()).containsExactly(second.value(), "document-type:" + SCREENING.value(),
                        "document-type:" + CONSENT.value());
            });
        }
    }

    private static Coordinator coordinator(JdbcOptions options, TestClock clock) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(options)).clock(clock).build();
    }
}
