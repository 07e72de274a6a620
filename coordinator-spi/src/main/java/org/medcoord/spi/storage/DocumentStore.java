package org.medcoord.spi.storage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * Paperwork: document types defined by the host and their questionnaires, the documents each
 * service requires, each patient's documents, and the answers of completed questionnaires.
 *
 * <p><b>Implementation requirements.</b> Reached only through a {@link StorageTransaction}, so
 * every write commits or rolls back with the rest of the unit; thread safety comes from the
 * storage's units. Stores values exactly as given (every field, every nanosecond of every
 * instant) and returns equal values. {@link #update} is optimistic: it succeeds only when the
 * stored version is exactly one less than the new one, and otherwise throws
 * {@link org.medcoord.api.common.ConflictException} with code {@code concurrent-update}.
 * "Nothing" is an empty {@code Optional} or an empty list, never {@code null}. The store keeps
 * the status it is given and never derives expiry itself. Free-text answers are stored as given
 * and never written to logs or exception messages.
 *
 * @since 0.1
 */
public interface DocumentStore {
    /**
     * Inserts or replaces a document type by id.
     *
     * @param type the type
     */
    void putType(DocumentType type);

    /**
     * Looks up a type defined with {@link #putType}.
     *
     * @param id the id
     * @return the type, or empty (the store knows nothing of the well-known types)
     */
    Optional<DocumentType> findType(DocumentTypeId id);

    /**
     * The types defined with {@link #putType}, ordered by id.
     *
     * @return the types
     */
    List<DocumentType> types();

    /**
     * Sets a service's requirement, replacing the one before; a requirement with no documents
     * removes it.
     *
     * <p><b>Implementation requirements.</b> When the storage's {@link ScheduleStore#version()}
     * keeps a version, this write gives it a new one, as the schedule store's own writes do:
     * coordinators cache requirements by that version.
     *
     * @param requirement the requirement
     */
    void putRequirement(DocumentRequirement requirement);

    /**
     * A service's requirement, the document types in the order they were given.
     *
     * @param service the service type
     * @return the requirement, or empty when the service requires nothing
     */
    Optional<DocumentRequirement> requirement(ServiceTypeId service);

    /**
     * Inserts a new document.
     *
     * @param document the document, version 1
     * @throws org.medcoord.api.common.ConflictException with code {@code document-exists} when the
     *     id exists
     */
    void insert(PatientDocument document);

    /**
     * Replaces a document with its next version.
     *
     * @param document the new version
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    void update(PatientDocument document);

    /**
     * Looks up a document.
     *
     * @param id the id
     * @return the document, or empty
     */
    Optional<PatientDocument> find(DocumentId id);

    /**
     * A patient's documents of every type and status, ordered by request time, then id.
     *
     * @param patient the patient
     * @return the documents
     */
    List<PatientDocument> forPatient(PatientId patient);

    /**
     * The documents of several patients, as {@link #forPatient} gives them for each.
     *
     * <p>The default asks {@link #forPatient} once per patient. An adapter whose reads cost a
     * round trip should answer in one read.
     *
     * @param patients the patients
     * @return every patient asked for, in the order given, with their documents (an empty list
     *     for a patient with none)
     */
    default Map<PatientId, List<PatientDocument>> forPatients(Collection<PatientId> patients) {
        Map<PatientId, List<PatientDocument>> out = new LinkedHashMap<>();
        for (PatientId patient : patients) {
            out.computeIfAbsent(patient, this::forPatient);
        }
        return out;
    }

    /**
     * Keeps the answers of a document, replacing any kept before.
     *
     * @param document the document; need not be checked to exist
     * @param response the answers
     */
    void putResponse(DocumentId document, QuestionnaireResponse response);

    /**
     * The answers of a document.
     *
     * @param document the document
     * @return the answers, or empty
     */
    Optional<QuestionnaireResponse> response(DocumentId document);

    /**
     * Inserts or replaces the questionnaire of a document type.
     *
     * @param questionnaire the questionnaire
     */
    void putQuestionnaire(Questionnaire questionnaire);

    /**
     * The questionnaire of a document type, items in the order given.
     *
     * @param type the document type
     * @return the questionnaire, or empty
     */
    Optional<Questionnaire> questionnaire(DocumentTypeId type);
}
