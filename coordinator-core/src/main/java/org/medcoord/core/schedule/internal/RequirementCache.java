package org.medcoord.core.schedule.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * The services' document requirements, shared by the booking units of one coordinator and keyed
 * by the store's schedule version, so that a booking reads a service's requirement once per
 * version instead of once per booking. Every requirement write moves the schedule version on
 * ({@link DocumentStore#putRequirement}), here or on another node sharing the database.
 *
 * <p>The cache is filled one service at a time, from a read made in a unit after it read version
 * {@code v}, and kept under {@code v}. Such a read sees the data of {@code v} or of a version
 * committed later, never older data, so a unit that read {@code v} is answered with a requirement
 * at least as current as its own read would have been. A unit that wrote a requirement reads the
 * new version its write gave, which no other unit sees unless the write commits. Only units that
 * never write requirements (bookings: rules must not write) read through the cache. Only the most
 * recently asked version is kept.
 */
public final class RequirementCache {
    private volatile Entries current;

    /** Creates an empty cache. */
    public RequirementCache() {
    }

    /**
     * The unit's document store, answering {@link DocumentStore#requirement} from the cache when
     * the unit read a schedule version; every other call goes to the store.
     *
     * @param store the unit's store
     * @param version the schedule version read in the unit, or empty when the store keeps none
     * @return the view, or the store itself when there is no version
     */
    public DocumentStore view(DocumentStore store, OptionalLong version) {
        Objects.requireNonNull(store, "store");
        return version.isPresent() ? new Cached(store, version.getAsLong()) : store;
    }

    private Optional<DocumentRequirement> requirement(DocumentStore store, long version, ServiceTypeId service) {
        Entries entries = current;
        if (entries == null || entries.version != version) {
            entries = new Entries(version);
            current = entries;
        }
        Optional<DocumentRequirement> cached = entries.byService.get(service);
        if (cached != null) {
            return cached;
        }
        Optional<DocumentRequirement> read = store.requirement(service);
        entries.byService.putIfAbsent(service, read);
        return read;
    }

    /** The requirements read under one schedule version. */
    private static final class Entries {
        final long version;
        final Map<ServiceTypeId, Optional<DocumentRequirement>> byService = new ConcurrentHashMap<>();

        Entries(long version) {
            this.version = version;
        }
    }

    /** A unit's document store with requirements answered from the cache. */
    private final class Cached implements DocumentStore {
        private final DocumentStore store;
        private final long version;

        Cached(DocumentStore store, long version) {
            this.store = store;
            this.version = version;
        }

        @Override
        public Optional<DocumentRequirement> requirement(ServiceTypeId service) {
            Objects.requireNonNull(service, "service");
            return RequirementCache.this.requirement(store, version, service);
        }

        @Override
        public void putType(DocumentType type) {
            store.putType(type);
        }

        @Override
        public Optional<DocumentType> findType(DocumentTypeId id) {
            return store.findType(id);
        }

        @Override
        public List<DocumentType> types() {
            return store.types();
        }

        @Override
        public void putRequirement(DocumentRequirement requirement) {
            store.putRequirement(requirement);
        }

        @Override
        public void insert(PatientDocument document) {
            store.insert(document);
        }

        @Override
        public void update(PatientDocument document) {
            store.update(document);
        }

        @Override
        public Optional<PatientDocument> find(DocumentId id) {
            return store.find(id);
        }

        @Override
        public List<PatientDocument> forPatient(PatientId patient) {
            return store.forPatient(patient);
        }

        @Override
        public Map<PatientId, List<PatientDocument>> forPatients(Collection<PatientId> patients) {
            return store.forPatients(patients);
        }

        @Override
        public void putResponse(DocumentId document, QuestionnaireResponse response) {
            store.putResponse(document, response);
        }

        @Override
        public Optional<QuestionnaireResponse> response(DocumentId document) {
            return store.response(document);
        }

        @Override
        public void putQuestionnaire(Questionnaire questionnaire) {
            store.putQuestionnaire(questionnaire);
        }

        @Override
        public Optional<Questionnaire> questionnaire(DocumentTypeId type) {
            return store.questionnaire(type);
        }
    }
}
