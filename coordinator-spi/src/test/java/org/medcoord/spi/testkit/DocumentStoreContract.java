package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.answers;
import static org.medcoord.spi.testkit.Fixtures.completed;
import static org.medcoord.spi.testkit.Fixtures.document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentKind;
import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.AnswerType;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireItem;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * The contract of {@link org.medcoord.spi.storage.DocumentStore}: types and requirements are
 * replaced by key, documents round-trip with every field and refuse stale versions, a patient's
 * documents come in request order, and questionnaire answers round-trip exactly, free text
 * included. Where the storage keeps a schedule version, every requirement write moves it on (and
 * a rolled-back one never lets its version be reused), since coordinators cache requirements by it.
 *
 * @since 0.1
 */
public class DocumentStoreContract extends ContractSupport {
    private static final ServiceTypeId MRI = ServiceTypeId.of("mri");
    private static final DocumentTypeId SCREENING = DocumentTypeId.of("mri-safety-screening");
    private static final DocumentTypeId CONSENT = DocumentTypeId.of("imaging-consent");

    /** For subclasses. */
    protected DocumentStoreContract() {
    }

    @Test
    void typesAreReplacedByIdAndListedById() {
        DocumentType b = DocumentType.of("b-type", DocumentKind.SCREENING, Duration.ofDays(30));
        DocumentType a = DocumentType.untilRevoked("a-type", DocumentKind.CONSENT);
        update(tx -> {
            tx.documents().putType(b);
            tx.documents().putType(a);
        });
        DocumentType b2 = DocumentType.of("b-type", DocumentKind.QUESTIONNAIRE, Duration.ofSeconds(90).plusNanos(7));
        update(tx -> tx.documents().putType(b2));

        assertEquals(List.of(a, b2), read(tx -> tx.documents().types()));
        assertEquals(Optional.of(b2), read(tx -> tx.documents().findType(DocumentTypeId.of("b-type"))));
        assertEquals(Optional.empty(), read(tx -> tx.documents().findType(DocumentTypeId.of("c-type"))));
    }

    @Test
    void requirementKeepsOrderIsReplacedAndAnEmptyOneRemovesIt() {
        DocumentRequirement both = DocumentRequirement.of(MRI, SCREENING, CONSENT);
        update(tx -> tx.documents().putRequirement(both));
        assertEquals(Optional.of(both), read(tx -> tx.documents().requirement(MRI)));
        assertEquals(Optional.empty(), read(tx -> tx.documents().requirement(ServiceTypeId.of("consult"))));

        DocumentRequirement reversed = DocumentRequirement.of(MRI, CONSENT, SCREENING);
        update(tx -> tx.documents().putRequirement(reversed));
        assertEquals(Optional.of(reversed), read(tx -> tx.documents().requirement(MRI)));

        update(tx -> tx.documents().putRequirement(DocumentRequirement.none(MRI)));
        assertEquals(Optional.empty(), read(tx -> tx.documents().requirement(MRI)));
    }

    @Test
    void documentRoundTripsWithEveryField() {
        Instant odd = NOW.plusNanos(123_456_789);
        PatientDocument requested = document("d-1", "p-1", "imaging-consent", odd);
        update(tx -> tx.documents().insert(requested));
        assertEquals(Optional.of(requested), read(tx -> tx.documents().find(DocumentId.of("d-1"))));

        PatientDocument full = new PatientDocument(requested.id(), requested.patient(), requested.type(),
                DocumentStatus.REVOKED, odd, Optional.of(odd.plusNanos(1)), Optional.of(odd.plusSeconds(60)),
                Optional.of(odd.plus(Duration.ofDays(365))), Optional.of(odd.plusSeconds(120)),
                Optional.of("patient-withdrew"), 2);
        update(tx -> tx.documents().update(full));

        assertEquals(Optional.of(full), read(tx -> tx.documents().find(DocumentId.of("d-1"))));
        assertEquals(Optional.empty(), read(tx -> tx.documents().find(DocumentId.of("d-2"))));
    }

    @Test
    void insertingAnExistingIdIsAConflict() {
        update(tx -> tx.documents().insert(document("d-1", "p-1", "imaging-consent", NOW)));

        ConflictException e = assertThrows(ConflictException.class,
                () -> update(tx -> tx.documents().insert(document("d-1", "p-2", "study-consent", NOW))));

        assertEquals("document-exists", e.code());
        assertEquals("p-1", read(tx -> tx.documents().find(DocumentId.of("d-1")).orElseThrow().patient().value()));
    }

    @Test
    void updateNeedsTheNextVersionAndAnExistingDocument() {
        PatientDocument d = document("d-1", "p-1", "mri-safety-screening", NOW);
        update(tx -> tx.documents().insert(d));
        PatientDocument done = completed(d, NOW.plusSeconds(5), Optional.of(NOW.plus(Duration.ofDays(30))));
        update(tx -> tx.documents().update(done));

        ConflictException stale = assertThrows(ConflictException.class,
                () -> update(tx -> tx.documents().update(done)));
        assertEquals("concurrent-update", stale.code());
        ConflictException skipped = assertThrows(ConflictException.class,
                () -> update(tx -> tx.documents().update(completed(completed(done, NOW, Optional.empty()), NOW,
                        Optional.empty()))));
        assertEquals("concurrent-update", skipped.code());
        assertThrows(NotFoundException.class,
                () -> update(tx -> tx.documents().update(completed(document("d-9", "p-1", "x", NOW), NOW,
                        Optional.empty()))));
        assertEquals(Optional.of(done), read(tx -> tx.documents().find(DocumentId.of("d-1"))));
    }

    @Test
    void patientDocumentsComeInRequestOrderThenId() {
        PatientDocument late = document("d-a", "p-1", "imaging-consent", NOW.plusSeconds(60));
        PatientDocument earlyZ = document("d-z", "p-1", "mri-safety-screening", NOW);
        PatientDocument earlyB = document("d-b", "p-1", "study-consent", NOW);
        update(tx -> {
            tx.documents().insert(late);
            tx.documents().insert(earlyZ);
            tx.documents().insert(document("d-c", "p-2", "imaging-consent", NOW));
        });
        update(tx -> tx.documents().insert(earlyB));

        assertEquals(List.of(earlyB, earlyZ, late), read(tx -> tx.documents().forPatient(PatientId.of("p-1"))));
        assertEquals(List.of(), read(tx -> tx.documents().forPatient(PatientId.of("p-3"))));
    }

    @Test
    void severalPatientsDocumentsComeTogetherEachAsForOnePatient() {
        PatientDocument late = document("d-a", "p-1", "imaging-consent", NOW.plusSeconds(60));
        PatientDocument early = document("d-z", "p-1", "mri-safety-screening", NOW);
        PatientDocument other = document("d-c", "p-2", "imaging-consent", NOW);
        update(tx -> {
            tx.documents().insert(late);
            tx.documents().insert(other);
            tx.documents().insert(early);
            tx.documents().insert(document("d-x", "p-4", "imaging-consent", NOW));
        });

        Map<PatientId, List<PatientDocument>> found = read(tx -> tx.documents().forPatients(
                List.of(PatientId.of("p-3"), PatientId.of("p-2"), PatientId.of("p-1"))));
        assertEquals(List.of(PatientId.of("p-3"), PatientId.of("p-2"), PatientId.of("p-1")),
                List.copyOf(found.keySet()));
        assertEquals(List.of(), found.get(PatientId.of("p-3")));
        assertEquals(List.of(other), found.get(PatientId.of("p-2")));
        assertEquals(List.of(early, late), found.get(PatientId.of("p-1")));
        assertEquals(Map.of(), read(tx -> tx.documents().forPatients(List.of())));
    }

    @Test
    void answersRoundTripExactlyAndAreReplaced() {
        update(tx -> tx.documents().putResponse(DocumentId.of("d-1"), answers(1)));
        assertEquals(Optional.of(answers(1)), read(tx -> tx.documents().response(DocumentId.of("d-1"))));
        assertEquals(Optional.empty(), read(tx -> tx.documents().response(DocumentId.of("d-2"))));

        QuestionnaireResponse second = answers(2);
        update(tx -> tx.documents().putResponse(DocumentId.of("d-1"), second));
        assertEquals(Optional.of(second), read(tx -> tx.documents().response(DocumentId.of("d-1"))));
    }

    @Test
    void questionnairesRoundTripInOrderAndAreReplacedByType() {
        Questionnaire first = Questionnaire.of(SCREENING, QuestionnaireItem.required("pacemaker", AnswerType.BOOLEAN),
                new QuestionnaireItem("implants", AnswerType.CODING, false, true),
                QuestionnaireItem.optional("weight-kg", AnswerType.INTEGER),
                QuestionnaireItem.optional("last-scan", AnswerType.DATE),
                QuestionnaireItem.optional("notes", AnswerType.STRING));
        update(tx -> tx.documents().putQuestionnaire(first));
        assertEquals(Optional.of(first), read(tx -> tx.documents().questionnaire(SCREENING)));
        assertEquals(Optional.empty(), read(tx -> tx.documents().questionnaire(CONSENT)));

        Questionnaire second = Questionnaire.of(SCREENING, QuestionnaireItem.required("metal", AnswerType.BOOLEAN));
        update(tx -> tx.documents().putQuestionnaire(second));
        assertEquals(Optional.of(second), read(tx -> tx.documents().questionnaire(SCREENING)));
    }

    @Test
    void everyRequirementWriteGivesTheScheduleANewVersion() {
        OptionalLong first = read(tx -> tx.schedule().version());
        assumeTrue(first.isPresent(), "this storage keeps no schedule version");
        Set<Long> seen = new HashSet<>();
        seen.add(first.getAsLong());

        update(tx -> tx.documents().putRequirement(DocumentRequirement.of(MRI, SCREENING)));
        assertNewVersion(seen, read(tx -> tx.schedule().version()));
        update(tx -> tx.documents().putRequirement(DocumentRequirement.of(MRI, SCREENING, CONSENT)));
        assertNewVersion(seen, read(tx -> tx.schedule().version()));
        update(tx -> tx.documents().putRequirement(DocumentRequirement.none(MRI)));
        OptionalLong last = read(tx -> tx.schedule().version());
        assertNewVersion(seen, last);

        // Reading requirements, and writing patients' documents, leave the version alone.
        update(tx -> {
            tx.documents().requirement(MRI);
            tx.documents().insert(document("doc-1", "p-1", CONSENT.value(), NOW));
        });
        assertEquals(last, read(tx -> tx.schedule().version()));
    }

    @Test
    void aRolledBackRequirementWriteNeverLetsItsVersionBeReused() {
        OptionalLong before = read(tx -> tx.schedule().version());
        assumeTrue(before.isPresent(), "this storage keeps no schedule version");
        Set<Long> seen = new HashSet<>();
        seen.add(before.getAsLong());
        List<OptionalLong> inside = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> update(tx -> {
            tx.documents().putRequirement(DocumentRequirement.of(MRI, CONSENT));
            inside.add(tx.schedule().version());
            throw new IllegalStateException("roll back");
        }));
        assertNewVersion(seen, inside.get(0));
        assertEquals(Optional.empty(), read(tx -> tx.documents().requirement(MRI)));

        assertNotEquals(inside.get(0), read(tx -> tx.schedule().version()));
        update(tx -> tx.documents().putRequirement(DocumentRequirement.of(MRI, SCREENING)));
        assertNewVersion(seen, read(tx -> tx.schedule().version()));
    }

    private static void assertNewVersion(Set<Long> seen, OptionalLong version) {
        assertTrue(version.isPresent(), "a storage that keeps a version keeps it always");
        assertTrue(seen.add(version.getAsLong()), "version " + version + " was returned before for other data");
    }
}
