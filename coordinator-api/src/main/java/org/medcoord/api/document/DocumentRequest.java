package org.medcoord.api.document;

import jakarta.validation.constraints.NotNull;
import org.medcoord.api.common.PatientId;

/**
 * Ask a patient for a document.
 *
 * @param patient the patient
 * @param type the document type; a well-known one or one defined through
 *     {@link Paperwork#defineType(DocumentType)}
 * @since 0.1
 */
public record DocumentRequest(@NotNull PatientId patient, @NotNull DocumentTypeId type) {
    /**
     * A request.
     *
     * @param patient the patient
     * @param type the document type
     * @return the command
     */
    public static DocumentRequest of(PatientId patient, DocumentTypeId type) {
        return new DocumentRequest(patient, type);
    }
}
