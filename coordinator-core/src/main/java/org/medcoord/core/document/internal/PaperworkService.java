package org.medcoord.core.document.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.Violations;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.InvalidDocumentTransitionException;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.WorklistEntry;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.event.internal.Events;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paperwork engine shared by every session. Calls about a patient's documents are audited
 * storage transactions; document types and requirements are facility configuration, checked
 * for access but not audited (like the schedule).
 */
public final class PaperworkService {
    /** The furthest ahead the worklist looks. */
    static final int MAX_WORKLIST_DAYS = 31;

    private static final Logger LOG = LoggerFactory.getLogger(PaperworkService.class);
    private static final String CODE = "[A-Za-z0-9._:-]{1,64}";

    private final Storage storage;
    private final Clock clock;
    private final CommandValidator validator;
    private final IdGenerator ids;
    private final AccessControl policy;
    private final AuditedCalls calls;
    private final Events events;

    /**
     * Creates the service.
     *
     * @param storage the storage
     * @param clock the clock
     * @param validator the validator
     * @param ids the id generator
     * @param policy the access policy
     * @param calls the audited call runner
     * @param events the outbox writer
     */
    public PaperworkService(Storage storage, Clock clock, CommandValidator validator, IdGenerator ids,
                            AccessControl policy, AuditedCalls calls, Events events) {
        this.events = events;
        this.storage = storage;
        this.clock = clock;
        this.validator = validator;
        this.ids = ids;
        this.policy = policy;
        this.calls = calls;
    }

    // ---------------------------------------------------------------- configuration

    DocumentType defineType(CallContext ctx, DocumentType type) {
        if (type == null) {
            throw InvalidRequestException.of("type", "must not be null");
        }
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "define document types");
        storage.inTransaction(tx -> {
            tx.documents().putType(type);
            return null;
        });
        LOG.info("document type {} defined by user {}", type.id(), ctx.actor().user());
        return type;
    }

    Questionnaire defineQuestionnaire(CallContext ctx, Questionnaire questionnaire) {
        if (questionnaire == null) {
            throw InvalidRequestException.of("questionnaire", "must not be null");
        }
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "define questionnaires");
        storage.inTransaction(tx -> {
            DocumentType type = PaperworkCheck.type(tx, questionnaire.type());
            if (!type.kind().needsAnswers()) {
                throw InvalidRequestException.of("questionnaire.type", "must be a questionnaire or screening type");
            }
            tx.documents().putQuestionnaire(questionnaire);
            return null;
        });
        LOG.info("questionnaire of document type {} defined by user {}", questionnaire.type(), ctx.actor().user());
        return questionnaire;
    }

    Optional<Questionnaire> questionnaire(CallContext ctx, DocumentTypeId type) {
        if (type == null) {
            throw InvalidRequestException.of("type", "must not be null");
        }
        policy.check(ctx, Permission.READ_SCHEDULE, "read questionnaires");
        return storage.read(tx -> tx.documents().questionnaire(type));
    }

    List<DocumentType> types(CallContext ctx) {
        policy.check(ctx, Permission.READ_SCHEDULE, "read document types");
        Map<String, DocumentType> all = new TreeMap<>();
        for (DocumentType t : DocumentType.wellKnown()) {
            all.put(t.id().value(), t);
        }
        for (DocumentType t : storage.read(tx -> tx.documents().types())) {
            all.put(t.id().value(), t);
        }
        return List.copyOf(all.values());
    }

    DocumentRequirement require(CallContext ctx, ServiceTypeId service, DocumentTypeId... documents) {
        DocumentRequirement requirement = new DocumentRequirement(service,
                documents == null ? null : Arrays.asList(documents));
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "set document requirements");
        storage.inTransaction(tx -> {
            if (tx.schedule().service(service).isEmpty()) {
                throw new NotFoundException("service type", service.value());
            }
            for (DocumentTypeId type : requirement.documents()) {
                PaperworkCheck.type(tx, type);
            }
            tx.documents().putRequirement(requirement);
            return null;
        });
        LOG.info("service type {} now requires {} document types, set by user {}", service,
                requirement.documents().size(), ctx.actor().user());
        return requirement;
    }

    DocumentRequirement requirement(CallContext ctx, ServiceTypeId service) {
        if (service == null) {
            throw InvalidRequestException.of("service", "must not be null");
        }
        policy.check(ctx, Permission.READ_SCHEDULE, "read document requirements");
        return storage.read(tx -> tx.documents().requirement(service)).orElse(DocumentRequirement.none(service));
    }

    // ---------------------------------------------------------------- a patient's documents

    PatientDocument request(CallContext ctx, DocumentRequest command) {
        validator.validate(command, "command", null);
        return calls.run(ctx, PaperworkOperations.REQUEST, Optional.of(command.patient()),
                d -> List.of(d.id().value(), d.type().value()), tx -> {
                    PaperworkCheck.type(tx, command.type());
                    PatientDocument document = PatientDocument.requested(DocumentId.of(ids.next("doc")),
                            command.patient(), command.type(), clock.instant());
                    tx.documents().insert(document);
                    event(tx, "document.requested", document);
                    return document;
                });
    }

    PatientDocument markSent(CallContext ctx, DocumentId id) {
        required(id, "document");
        return change(ctx, PaperworkOperations.SEND, id, (tx, d, now) -> {
            check(d, now, DocumentStatus.SENT);
            return new PatientDocument(d.id(), d.patient(), d.type(), DocumentStatus.SENT, d.requestedAt(),
                    Optional.of(now), d.completedAt(), d.expiresAt(), d.revokedAt(), d.revocationReason(),
                    d.version() + 1);
        });
    }

    PatientDocument complete(CallContext ctx, DocumentCompletion command) {
        validator.validate(command, "command", null);
        return change(ctx, PaperworkOperations.COMPLETE, command.document(), (tx, d, now) -> {
            check(d, now, DocumentStatus.COMPLETED);
            DocumentType type = PaperworkCheck.type(tx, d.type());
            if (type.kind().needsAnswers() && command.response().isEmpty()) {
                throw InvalidRequestException.of("response", "must hold the answers of a " + type.kind().name()
                        .toLowerCase(java.util.Locale.ROOT));
            }
            if (command.response().isPresent()) {
                QuestionnaireResponse response = command.response().get();
                Optional<Questionnaire> questions = tx.documents().questionnaire(d.type());
                if (questions.isPresent()) {
                    Violations v = new Violations();
                    v.addAll(questions.get().check(response));
                    v.throwIfAny();
                }
                tx.documents().putResponse(d.id(), response);
            }
            Optional<Instant> expires = type.validity().map(now::plus);
            return new PatientDocument(d.id(), d.patient(), d.type(), DocumentStatus.COMPLETED, d.requestedAt(),
                    d.sentAt(), Optional.of(now), expires, d.revokedAt(), d.revocationReason(), d.version() + 1);
        });
    }

    PatientDocument revoke(CallContext ctx, DocumentId id, String reasonCode) {
        Violations v = new Violations();
        v.notNull(id, "document");
        v.require(reasonCode != null && reasonCode.matches(CODE), "reasonCode",
                "must be a code of 1 to 64 letters, digits or . _ : -");
        v.throwIfAny();
        PatientDocument revoked = change(ctx, PaperworkOperations.REVOKE, id, (tx, d, now) -> {
            check(d, now, DocumentStatus.REVOKED);
            return new PatientDocument(d.id(), d.patient(), d.type(), DocumentStatus.REVOKED, d.requestedAt(),
                    d.sentAt(), d.completedAt(), d.expiresAt(), Optional.of(now), Optional.of(reasonCode),
                    d.version() + 1);
        });
        LOG.info("document {} revoked by user {}", id, ctx.actor().user());
        return revoked;
    }

    PatientDocument get(CallContext ctx, DocumentId id) {
        required(id, "document");
        DocumentSubject subject = new DocumentSubject(id);
        return calls.run(ctx, PaperworkOperations.READ, subject::find, d -> List.of(d.id().value()),
                tx -> subject.required().asOf(clock.instant()));
    }

    Optional<QuestionnaireResponse> response(CallContext ctx, DocumentId id) {
        required(id, "document");
        DocumentSubject subject = new DocumentSubject(id);
        return calls.run(ctx, PaperworkOperations.RESPONSE_READ, subject::find,
                r -> List.of(id.value()), tx -> {
                    subject.required();
                    return tx.documents().response(id);
                });
    }

    List<PatientDocument> forPatient(CallContext ctx, PatientId patient) {
        required(patient, "patient");
        return calls.run(ctx, PaperworkOperations.LIST_PATIENT, Optional.of(patient),
                list -> list.stream().map(d -> d.id().value()).toList(), tx -> {
                    Instant now = clock.instant();
                    return tx.documents().forPatient(patient).stream().map(d -> d.asOf(now)).toList();
                });
    }

    List<OutstandingDocument> outstanding(CallContext ctx, AppointmentId appointment) {
        required(appointment, "appointment");
        Appointment[] found = new Appointment[1];
        return calls.run(ctx, PaperworkOperations.OUTSTANDING, tx -> {
            found[0] = tx.appointments().find(appointment).orElse(null);
            return Optional.ofNullable(found[0]).map(Appointment::patient);
        }, list -> List.of(appointment.value()), tx -> {
            Appointment a = found[0];
            if (a == null) {
                throw new NotFoundException("appointment", appointment.value());
            }
            policy.scope(ctx, PaperworkOperations.OUTSTANDING.action(), a);
            Instant now = clock.instant();
            Instant at = a.start().isAfter(now) ? a.start() : now;
            return PaperworkCheck.outstanding(tx, a.patient(), a.service(), at, now);
        });
    }

    List<WorklistEntry> worklist(CallContext ctx, int days) {
        if (days < 1 || days > MAX_WORKLIST_DAYS) {
            throw InvalidRequestException.of("days", "must be 1 to " + MAX_WORKLIST_DAYS);
        }
        return calls.run(ctx, PaperworkOperations.WORKLIST, Optional.empty(),
                list -> list.stream().map(e -> e.appointment().value()).toList(), tx -> {
                    Instant now = clock.instant();
                    Instant until = now.plus(Duration.ofDays(days));
                    List<WorklistEntry> entries = new ArrayList<>();
                    // One read for the appointments, one per service, one for all their patients.
                    List<Appointment> visible = upcoming(tx, now, until).stream().filter(a -> policy.sees(ctx, a))
                            .toList();
                    Map<ServiceTypeId, List<DocumentTypeId>> required = new HashMap<>();
                    List<Appointment> needing = new ArrayList<>();
                    for (Appointment a : visible) {
                        if (!required.computeIfAbsent(a.service(), service -> PaperworkCheck.required(tx, service))
                                .isEmpty()) {
                            needing.add(a);
                        }
                    }
                    Map<PatientId, List<PatientDocument>> documents = needing.isEmpty() ? Map.of()
                            : tx.documents().forPatients(needing.stream().map(Appointment::patient).distinct().toList());
                    for (Appointment a : needing) {
                        List<OutstandingDocument> outstanding = PaperworkCheck.outstanding(required.get(a.service()),
                                documents.get(a.patient()), a.start(), now);
                        if (!outstanding.isEmpty()) {
                            entries.add(new WorklistEntry(a.id(), a.patient(), a.service(), outstanding));
                        }
                    }
                    return entries;
                });
    }

    /**
     * Booked or arrived appointments starting in [from, to), by start then id, each once: one read
     * over every resource.
     */
    private static List<Appointment> upcoming(StorageTransaction tx, Instant from, Instant to) {
        List<ResourceId> resources = tx.schedule().resources().stream().map(Resource::id).toList();
        return tx.appointments().forResources(resources, from, to).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED || a.status() == AppointmentStatus.ARRIVED)
                .filter(a -> !a.start().isBefore(from) && a.start().isBefore(to))
                .toList();
    }

    // ---------------------------------------------------------------- shared steps

    @FunctionalInterface
    private interface Change {
        PatientDocument apply(StorageTransaction tx, PatientDocument current, Instant now);
    }

    private PatientDocument change(CallContext ctx, Operation operation, DocumentId id, Change change) {
        DocumentSubject subject = new DocumentSubject(id);
        return calls.run(ctx, operation, subject::find, d -> List.of(d.id().value()), tx -> {
            PatientDocument updated = change.apply(tx, subject.required(), clock.instant());
            tx.documents().update(updated);
            event(tx, "document." + updated.status().code(), updated);
            return updated;
        });
    }

    /** An outbox event, for example {@code document.completed}: ids, codes and times only. */
    private void event(StorageTransaction tx, String type, PatientDocument d) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("document", d.id().value());
        payload.put("patient", d.patient().value());
        payload.put("type", d.type().value());
        payload.put("status", d.status().code());
        d.expiresAt().ifPresent(e -> payload.put("expiresAt", e.toString()));
        payload.put("version", d.version());
        events.other(tx, type, d.id().value(), payload, clock.instant());
    }

    private static void check(PatientDocument d, Instant now, DocumentStatus target) {
        DocumentStatus current = d.statusAt(now);
        if (!current.canMoveTo(target)) {
            throw new InvalidDocumentTransitionException(d.id(), current, target);
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
    }

    /** The document a call is about, read once inside the call's transaction. */
    private static final class DocumentSubject {
        private final DocumentId id;
        private PatientDocument document;

        DocumentSubject(DocumentId id) {
            this.id = id;
        }

        Optional<PatientId> find(StorageTransaction tx) {
            document = tx.documents().find(id).orElse(null);
            return Optional.ofNullable(document).map(PatientDocument::patient);
        }

        PatientDocument required() {
            if (document == null) {
                throw new NotFoundException("document", id.value());
            }
            return document;
        }
    }
}
