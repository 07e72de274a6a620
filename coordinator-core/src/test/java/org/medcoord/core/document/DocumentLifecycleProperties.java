package org.medcoord.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentKind;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.InvalidDocumentTransitionException;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.core.TestClinic;

/**
 * The document lifecycle as a state machine, driven through the public API against a model: a
 * step succeeds exactly when the model allows it, and at every moment the status read back is the
 * model's status at that time, which for a completed document is expired from completion plus
 * validity on, and never before.
 */
class DocumentLifecycleProperties {
    private static final Instant BASE = TestClinic.at(TestClinic.MONDAY_1, "07:00");
    private static final Duration VALIDITY = Duration.ofDays(10);
    private static final DocumentTypeId CONSENT = DocumentTypeId.of("ten-day-consent");
    private static final DocumentTypeId SCREENING = DocumentTypeId.of("ten-day-screening");
    private static final AtomicInteger PATIENTS = new AtomicInteger();
    private static TestClinic clinic;

    @BeforeContainer
    static void open() {
        clinic = new TestClinic();
        clinic.admin.documents().defineType(new DocumentType(CONSENT, DocumentKind.CONSENT, Optional.of(VALIDITY)));
        clinic.admin.documents().defineType(new DocumentType(SCREENING, DocumentKind.SCREENING, Optional.of(VALIDITY)));
    }

    @AfterContainer
    static void close() {
        clinic.close();
    }

    enum Kind { SEND, COMPLETE, REVOKE, WAIT }

    record Step(Kind kind, Duration pause) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.of(Kind.SEND, Kind.COMPLETE, Kind.REVOKE).map(k -> new Step(k, Duration.ZERO)),
                Arbitraries.longs().between(1, 15 * 24 * 60).map(m -> new Step(Kind.WAIT, Duration.ofMinutes(m))),
                Arbitraries.of(new Step(Kind.WAIT, VALIDITY), new Step(Kind.WAIT, Duration.ofNanos(1))));
        return step.list().ofMinSize(1).ofMaxSize(12);
    }

    /** The model: recorded status and expiry, with the expired status derived from the time. */
    private static final class Model {
        DocumentStatus recorded = DocumentStatus.REQUESTED;
        Instant expiresAt;

        DocumentStatus at(Instant t) {
            return recorded == DocumentStatus.COMPLETED && !t.isBefore(expiresAt) ? DocumentStatus.EXPIRED : recorded;
        }
    }

    @Property(tries = 300)
    void only_allowed_transitions_succeed_and_status_follows_validity(@ForAll("steps") List<Step> steps,
                                                                       @ForAll boolean screening) {
        clinic.clock.set(BASE);
        Paperwork desk = clinic.desk.documents();
        PatientId patient = PatientId.of("p-prop-" + PATIENTS.incrementAndGet());
        DocumentId id = desk.request(DocumentRequest.of(patient, screening ? SCREENING : CONSENT)).id();
        Model model = new Model();

        for (Step step : steps) {
            Instant now = clinic.clock.instant();
            DocumentStatus before = model.at(now);
            DocumentStatus target = switch (step.kind()) {
                case SEND -> DocumentStatus.SENT;
                case COMPLETE -> DocumentStatus.COMPLETED;
                case REVOKE -> DocumentStatus.REVOKED;
                case WAIT -> null;
            };
            if (target == null) {
                clinic.clock.advance(step.pause());
            } else if (before.canMoveTo(target)) {
                PatientDocument after = act(desk, id, step.kind(), screening);
                model.recorded = target;
                if (target == DocumentStatus.COMPLETED) {
                    model.expiresAt = now.plus(VALIDITY);
                    assertThat(after.completedAt()).contains(now);
                }
                if (target == DocumentStatus.REVOKED) {
                    assertThat(after.revokedAt()).contains(now);
                    assertThat(after.validAt(now)).isFalse();
                }
            } else {
                assertThatThrownBy(() -> act(desk, id, step.kind(), screening))
                        .isInstanceOf(InvalidDocumentTransitionException.class);
            }
            Instant t = clinic.clock.instant();
            PatientDocument read = desk.get(id);
            assertThat(read.status()).isEqualTo(model.at(t));
            assertThat(read.status() == before || before.canMoveTo(read.status()))
                    .as("%s may not follow %s", read.status(), before).isTrue();
            if (before.isFinal()) {
                assertThat(read.status()).isEqualTo(before);
            }
            if (read.completedAt().isPresent()) {
                Instant done = read.completedAt().get();
                boolean revoked = read.revokedAt().isPresent();
                assertThat(read.statusAt(done.plus(VALIDITY).minusNanos(1)))
                        .isEqualTo(revoked ? DocumentStatus.REVOKED : DocumentStatus.COMPLETED);
                assertThat(read.statusAt(done.plus(VALIDITY)))
                        .isEqualTo(revoked ? DocumentStatus.REVOKED : DocumentStatus.EXPIRED);
            }
        }
    }

    private static PatientDocument act(Paperwork desk, DocumentId id, Kind kind, boolean screening) {
        return switch (kind) {
            case SEND -> desk.markSent(id);
            case COMPLETE -> desk.complete(screening
                    ? DocumentCompletion.answered(id, QuestionnaireResponse.of(ResponseItem.of("metal", Answer.of(false))))
                    : DocumentCompletion.signed(id));
            case REVOKE -> desk.revoke(id, "withdrawn");
            case WAIT -> throw new IllegalArgumentException("not an action");
        };
    }
}
