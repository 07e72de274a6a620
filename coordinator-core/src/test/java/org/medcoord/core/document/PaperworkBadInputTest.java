package org.medcoord.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.at;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.Violation;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentKind;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.TestClinic;

/**
 * Bad paperwork input gets a typed error naming the field, never echoing the value, and
 * changes nothing.
 */
class PaperworkBadInputTest {
    private static final ServiceTypeId MRI = ServiceTypeId.of("mri");
    private static final DocumentTypeId SCREENING = DocumentType.MRI_SAFETY_SCREENING.id();
    private static final PatientId P1 = PatientId.of("p-1");
    private static final String FREE_TEXT = "Jane Canary, born 1961-04-02, member 99812";

    private final TestClinic clinic = new TestClinic();
    private final Paperwork desk = clinic.desk.documents();
    private final Paperwork admin = clinic.admin.documents();

    @AfterEach
    void close() {
        clinic.close();
    }

    private String documents() {
        return clinic.storage.read(tx -> tx.documents().forPatient(P1).toString() + tx.documents().types()
                + tx.documents().requirement(MRI));
    }

    private void rejected(String path, ThrowingCallable call) {
        String before = documents();
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(Violation::path)
                        .contains(path))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Canary").doesNotContain("99812"));
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void commands_name_their_invalid_fields() {
        rejected("command", () -> desk.request(null));
        rejected("patient", () -> desk.request(new DocumentRequest(null, SCREENING)));
        rejected("type", () -> desk.request(new DocumentRequest(P1, null)));
        rejected("command", () -> desk.complete(null));
        rejected("document", () -> desk.complete(new DocumentCompletion(null, Optional.empty())));
        rejected("response", () -> desk.complete(new DocumentCompletion(DocumentId.of("d-1"), null)));
        rejected("document", () -> desk.markSent(null));
        rejected("document", () -> desk.get(null));
        rejected("patient", () -> desk.forPatient(null));
        rejected("appointment", () -> desk.outstanding(null));
        rejected("reasonCode", () -> desk.revoke(DocumentId.of("d-1"), FREE_TEXT));
        rejected("reasonCode", () -> desk.revoke(DocumentId.of("d-1"), null));
        rejected("days", () -> desk.worklist(0));
        rejected("days", () -> desk.worklist(32));
    }

    @Test
    void requirements_and_types_name_their_invalid_fields() {
        rejected("service", () -> admin.require(null, SCREENING));
        rejected("documents", () -> admin.require(MRI, SCREENING, SCREENING));
        rejected("documents[1]", () -> admin.require(MRI, SCREENING, null));
        rejected("documents", () -> admin.require(MRI, (DocumentTypeId[]) null));
        rejected("type", () -> admin.defineType(null));
        rejected("validity", () -> DocumentType.of("x", DocumentKind.CONSENT, Duration.ofDays(-1)));
        rejected("validity", () -> DocumentType.of("x", DocumentKind.CONSENT, Duration.ofDays(4000)));
        rejected("kind", () -> new DocumentType(DocumentTypeId.of("x"), null, Optional.empty()));
        rejected("documentTypeId", () -> DocumentTypeId.of("has spaces"));
    }

    @Test
    void answers_name_their_invalid_fields_and_never_echo_free_text() {
        rejected("linkId", () -> ResponseItem.of("bad link id", Answer.of(true)));
        rejected("answers", () -> ResponseItem.of("implant"));
        rejected("items[1].linkId", () -> QuestionnaireResponse.of(ResponseItem.of("a", Answer.of(true)),
                ResponseItem.of("a", Answer.of(false))));
        rejected("items", () -> QuestionnaireResponse.of());
        rejected("value", () -> Answer.text(FREE_TEXT.repeat(100)));
        rejected("code", () -> Answer.code(FREE_TEXT));
        rejected("linkId", () -> org.medcoord.api.document.QuestionnaireItem.required("a b",
                org.medcoord.api.document.AnswerType.BOOLEAN));
        rejected("type", () -> org.medcoord.api.document.QuestionnaireItem.required("a", null));
        rejected("items[1].linkId", () -> org.medcoord.api.document.Questionnaire.of(SCREENING,
                org.medcoord.api.document.QuestionnaireItem.required("a", org.medcoord.api.document.AnswerType.DATE),
                org.medcoord.api.document.QuestionnaireItem.optional("a", org.medcoord.api.document.AnswerType.DATE)));
        rejected("questionnaire", () -> admin.defineQuestionnaire(null));
        assertThat(Answer.text(FREE_TEXT).toString()).doesNotContain("Canary");
    }

    @Test
    void unknown_things_are_not_found() {
        assertThatThrownBy(() -> desk.request(DocumentRequest.of(P1, DocumentTypeId.of("no-such-type"))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-type");
        assertThatThrownBy(() -> admin.require(ServiceTypeId.of("no-such-service"), SCREENING))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-service");
        assertThatThrownBy(() -> admin.require(MRI, DocumentTypeId.of("no-such-type")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.markSent(DocumentId.of("d-404"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.response(DocumentId.of("d-404"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.outstanding(org.medcoord.api.appointment.AppointmentId.of("a-404")))
                .isInstanceOf(NotFoundException.class);
        java.util.List<PatientDocument> none = clinic.storage.read(tx -> tx.documents().forPatient(P1));
        assertThat(none).isEmpty();
    }

    @Test
    void a_bad_override_reason_is_refused_before_anything_changes() {
        Appointment mri = clinic.desk.appointments().book(BookCommand.at(MRI, P1, at(MONDAY_1, "10:00"))).appointment();
        String before = clinic.snapshot();
        assertThatThrownBy(() -> clinic.supervisor.appointments().checkIn(mri.id(), Optional.of(FREE_TEXT)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path).containsExactly("overrideReasonCode");
                    assertThat(e.getMessage()).doesNotContain("Canary");
                });
        assertThatThrownBy(() -> clinic.supervisor.appointments().checkIn(mri.id(), null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("overrideReasonCode");
        assertThat(clinic.snapshot()).isEqualTo(before);
    }

    @Test
    void completing_twice_is_a_typed_conflict() {
        PatientDocument consent = desk.request(DocumentRequest.of(P1, DocumentType.IMAGING_CONSENT.id()));
        desk.complete(DocumentCompletion.signed(consent.id()));
        assertThatThrownBy(() -> desk.complete(DocumentCompletion.signed(consent.id())))
                .isInstanceOf(org.medcoord.api.document.InvalidDocumentTransitionException.class)
                .hasMessageContaining(consent.id().value()).hasMessageContaining("completed to completed");
        assertThat(Arrays.asList(desk.get(consent.id()).version())).containsExactly(2L);
    }
}
