package org.medcoord.api.document;

import java.util.List;
import java.util.Optional;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.Feature;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * Consents and intake paperwork. Reached through {@code CoordinatorSession.documents()}; every
 * call runs as the session's actor for the session's purpose, is checked by the access policy
 * and audited.
 *
 * <p>A service's requirements are checked in two places: booking warns (a
 * {@link org.medcoord.api.appointment.RuleFinding} of rule {@code paperwork} on the
 * {@link org.medcoord.api.appointment.Booking}) when a required document is missing or will have
 * expired by the visit, and check-in is refused with {@link PaperworkMissingException} while one
 * is missing, pending, expired or revoked, unless a supervisor overrides.
 *
 * <p>For example, to make an MRI need the MRI safety screening and the imaging consent:
 *
 * <pre>{@code
 * admin.documents().require(ServiceTypeId.of("mri"),
 *         DocumentType.MRI_SAFETY_SCREENING.id(), DocumentType.IMAGING_CONSENT.id());
 * }</pre>
 *
 * @since 0.1
 */
public interface Paperwork {
    /** Consent forms and intake paperwork, and the booking rule and check-in guard that ask for them. Needs {@link org.medcoord.api.appointment.Appointments#FEATURE appointments}. */
    Feature FEATURE = new Feature("documents");

    /**
     * Defines a document type, or redefines one (a well-known type may be given another
     * validity). Needs the administrator role; already completed documents keep the expiry they
     * were given.
     *
     * @param type the type
     * @return the type as stored
     * @throws org.medcoord.api.common.InvalidRequestException when the type is null
     */
    DocumentType defineType(DocumentType type);

    /**
     * Defines, or replaces, the questions of a questionnaire or screening type. From then on,
     * completing a document of that type checks its answers against them. Needs the
     * administrator role.
     *
     * @param questionnaire the questionnaire
     * @return the questionnaire as stored
     * @throws org.medcoord.api.common.InvalidRequestException naming {@code questionnaire} when
     *     null, or {@code questionnaire.type} when the type takes no answers
     * @throws org.medcoord.api.common.NotFoundException for an unknown document type
     */
    Questionnaire defineQuestionnaire(Questionnaire questionnaire);

    /**
     * The questions of a document type.
     *
     * @param type the document type
     * @return the questionnaire, or empty when none was defined (answers are then only checked
     *     for shape)
     */
    Optional<Questionnaire> questionnaire(DocumentTypeId type);

    /**
     * The document types known: the well-known ones and those defined, by id.
     *
     * @return the types
     */
    List<DocumentType> types();

    /**
     * Sets the documents a service requires, replacing what it required before; no types means
     * it requires nothing. Needs the administrator role.
     *
     * @param service the service type, which must be defined
     * @param documents the required document types, each known
     * @return the requirement as stored
     * @throws org.medcoord.api.common.InvalidRequestException naming {@code service} or
     *     {@code documents[i]} when null, repeated or too many
     * @throws org.medcoord.api.common.NotFoundException for an unknown service or document type
     */
    DocumentRequirement require(ServiceTypeId service, DocumentTypeId... documents);

    /**
     * What a service requires.
     *
     * @param service the service type
     * @return the requirement; empty documents when it requires nothing
     */
    DocumentRequirement requirement(ServiceTypeId service);

    /**
     * Asks a patient for a document.
     *
     * @param command the patient and the document type
     * @return the document, requested
     * @throws org.medcoord.api.common.InvalidRequestException naming the invalid fields
     * @throws org.medcoord.api.common.NotFoundException for an unknown document type
     */
    PatientDocument request(DocumentRequest command);

    /**
     * Records that the document was given or sent to the patient.
     *
     * @param document the document
     * @return the document, sent
     * @throws InvalidDocumentTransitionException unless it was requested
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    PatientDocument markSent(DocumentId document);

    /**
     * Records that the patient signed or answered the document. Its validity starts now.
     *
     * @param command the document and, for questionnaires and screenings, the answers
     * @return the document, completed
     * @throws org.medcoord.api.common.InvalidRequestException naming {@code response} when a
     *     questionnaire or screening has no answers, or the paths of answers that do not fit its
     *     {@link Questionnaire}
     * @throws InvalidDocumentTransitionException unless it was requested or sent
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    PatientDocument complete(DocumentCompletion command);

    /**
     * Revokes a document, with effect at once: from now on it no longer counts for any visit.
     *
     * @param document the document
     * @param reasonCode why, a short code such as {@code patient-withdrew}
     * @return the document, revoked
     * @throws InvalidDocumentTransitionException when it already expired or was revoked
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    PatientDocument revoke(DocumentId document, String reasonCode);

    /**
     * Reads a document, with its status as of now.
     *
     * @param document the id
     * @return the document
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    PatientDocument get(DocumentId document);

    /**
     * The answers given when a questionnaire or screening was completed.
     *
     * @param document the id
     * @return the answers, or empty when none were given
     * @throws org.medcoord.api.common.NotFoundException when there is no such document
     */
    Optional<QuestionnaireResponse> response(DocumentId document);

    /**
     * A patient's documents, with their status as of now, oldest request first.
     *
     * @param patient the patient
     * @return the documents
     */
    List<PatientDocument> forPatient(PatientId patient);

    /**
     * The documents an appointment's service requires that will not count at the visit: not
     * completed, expired, revoked, or expiring before its start.
     *
     * @param appointment the appointment
     * @return the outstanding documents, in requirement order; empty when all is in order
     * @throws org.medcoord.api.common.NotFoundException when there is no such appointment
     */
    List<OutstandingDocument> outstanding(AppointmentId appointment);

    /**
     * The paperwork worklist: booked or arrived appointments starting from now to {@code days}
     * days ahead whose paperwork is not in order, by start time.
     *
     * @param days how many days ahead, 1 to 31
     * @return the entries, ids only
     * @throws org.medcoord.api.common.InvalidRequestException naming {@code days} when out of range
     */
    List<WorklistEntry> worklist(int days);
}
