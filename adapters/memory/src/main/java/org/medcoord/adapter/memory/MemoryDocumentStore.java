package org.medcoord.adapter.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Document types and questionnaires, requirements, patients' documents (by id and by patient) and
 * answers. A requirement write moves the schedule version on, since coordinators cache
 * requirements by it.
 */
final class MemoryDocumentStore implements DocumentStore {
    private static final Comparator<PatientDocument> REQUEST_ORDER =
            Comparator.comparing(PatientDocument::requestedAt).thenComparing(d -> d.id().value());

    private final UnitBinding<Unit> units;
    private final Map<String, DocumentType> types = new TreeMap<>();
    private final Map<ServiceTypeId, DocumentRequirement> requirements = new HashMap<>();
    private final Map<DocumentId, PatientDocument> byId = new HashMap<>();
    private final Map<PatientId, Set<DocumentId>> byPatient = new HashMap<>();
    private final Map<DocumentId, QuestionnaireResponse> responses = new HashMap<>();
    private final Map<DocumentTypeId, Questionnaire> questionnaires = new HashMap<>();

    private final MemoryScheduleStore schedule;

    MemoryDocumentStore(UnitBinding<Unit> units, MemoryScheduleStore schedule) {
        this.units = units;
        this.schedule = schedule;
    }

    @Override
    public void putType(DocumentType type) {
        Objects.requireNonNull(type, "type");
        Unit unit = units.writing();
        String key = type.id().value();
        DocumentType previous = types.put(key, type);
        unit.onRollback(() -> restore(types, key, previous));
    }

    @Override
    public Optional<DocumentType> findType(DocumentTypeId id) {
        Objects.requireNonNull(id, "id");
        units.reading();
        return Optional.ofNullable(types.get(id.value()));
    }

    @Override
    public List<DocumentType> types() {
        units.reading();
        return List.copyOf(types.values());
    }

    @Override
    public void putRequirement(DocumentRequirement requirement) {
        Objects.requireNonNull(requirement, "requirement");
        Unit unit = units.writing();
        ServiceTypeId key = requirement.service();
        DocumentRequirement previous = requirement.documents().isEmpty() ? requirements.remove(key)
                : requirements.put(key, requirement);
        unit.onRollback(() -> restore(requirements, key, previous));
        schedule.changed(unit);
    }

    @Override
    public Optional<DocumentRequirement> requirement(ServiceTypeId service) {
        Objects.requireNonNull(service, "service");
        units.reading();
        return Optional.ofNullable(requirements.get(service));
    }

    @Override
    public void insert(PatientDocument document) {
        Objects.requireNonNull(document, "document");
        Unit unit = units.writing();
        if (byId.containsKey(document.id())) {
            throw new ConflictException("document-exists", "document " + document.id() + " exists");
        }
        index(document);
        unit.onRollback(() -> unindex(document));
    }

    @Override
    public void update(PatientDocument document) {
        Objects.requireNonNull(document, "document");
        Unit unit = units.writing();
        PatientDocument stored = byId.get(document.id());
        if (stored == null) {
            throw new NotFoundException("document", document.id().value());
        }
        if (stored.version() != document.version() - 1) {
            throw new ConflictException("concurrent-update", "document " + document.id() + " is at version "
                    + stored.version() + "; an update to version " + document.version() + " was refused");
        }
        unindex(stored);
        index(document);
        unit.onRollback(() -> {
            unindex(document);
            index(stored);
        });
    }

    @Override
    public Optional<PatientDocument> find(DocumentId id) {
        Objects.requireNonNull(id, "id");
        units.reading();
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<PatientDocument> forPatient(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        units.reading();
        List<PatientDocument> found = new ArrayList<>();
        for (DocumentId id : byPatient.getOrDefault(patient, Set.of())) {
            found.add(byId.get(id));
        }
        found.sort(REQUEST_ORDER);
        return List.copyOf(found);
    }

    @Override
    public void putResponse(DocumentId document, QuestionnaireResponse response) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(response, "response");
        Unit unit = units.writing();
        QuestionnaireResponse previous = responses.put(document, response);
        unit.onRollback(() -> restore(responses, document, previous));
    }

    @Override
    public Optional<QuestionnaireResponse> response(DocumentId document) {
        Objects.requireNonNull(document, "document");
        units.reading();
        return Optional.ofNullable(responses.get(document));
    }

    @Override
    public void putQuestionnaire(Questionnaire questionnaire) {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Unit unit = units.writing();
        Questionnaire previous = questionnaires.put(questionnaire.type(), questionnaire);
        unit.onRollback(() -> restore(questionnaires, questionnaire.type(), previous));
    }

    @Override
    public Optional<Questionnaire> questionnaire(DocumentTypeId type) {
        Objects.requireNonNull(type, "type");
        units.reading();
        return Optional.ofNullable(questionnaires.get(type));
    }

    private void index(PatientDocument document) {
        byId.put(document.id(), document);
        byPatient.computeIfAbsent(document.patient(), p -> new LinkedHashSet<>()).add(document.id());
    }

    private void unindex(PatientDocument document) {
        byId.remove(document.id());
        Set<DocumentId> ids = byPatient.get(document.patient());
        ids.remove(document.id());
        if (ids.isEmpty()) {
            byPatient.remove(document.patient());
        }
    }

    private static <K, V> void restore(Map<K, V> map, K key, V previous) {
        if (previous == null) {
            map.remove(key);
        } else {
            map.put(key, previous);
        }
    }
}
