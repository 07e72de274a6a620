package org.medcoord.api.document;

import java.util.LinkedHashSet;
import java.util.List;
import org.medcoord.api.common.Violations;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * The documents a patient must have, completed and valid, for a service: a specialist consult
 * may need the HIPAA notice acknowledgement and the intake questionnaire, an MRI the MRI safety
 * screening and the imaging consent.
 *
 * @param service the service type
 * @param documents the required document types, without repeats, at most {@link #MAX_DOCUMENTS};
 *     empty when the service needs none
 * @since 0.1
 */
public record DocumentRequirement(ServiceTypeId service, List<DocumentTypeId> documents) {
    /** The most document types one service may require. */
    public static final int MAX_DOCUMENTS = 20;

    /**
     * Validates the parts and copies the list.
     *
     * @param service the service
     * @param documents the document types
     */
    public DocumentRequirement {
        Violations v = new Violations();
        v.notNull(service, "service");
        if (v.notNull(documents, "documents")) {
            v.require(documents.size() <= MAX_DOCUMENTS, "documents", "must have at most " + MAX_DOCUMENTS + " elements");
            boolean present = true;
            for (int i = 0; i < documents.size(); i++) {
                present &= v.notNull(documents.get(i), "documents[" + i + "]");
            }
            if (present) {
                v.require(new LinkedHashSet<>(documents).size() == documents.size(), "documents",
                        "must not repeat a document type");
            }
        }
        v.throwIfAny();
        documents = List.copyOf(documents);
    }

    /**
     * A requirement.
     *
     * @param service the service
     * @param documents the document types
     * @return the requirement
     */
    public static DocumentRequirement of(ServiceTypeId service, DocumentTypeId... documents) {
        return new DocumentRequirement(service, documents == null ? null : java.util.Arrays.asList(documents));
    }

    /**
     * The requirement of a service that needs nothing.
     *
     * @param service the service
     * @return the empty requirement
     */
    public static DocumentRequirement none(ServiceTypeId service) {
        return new DocumentRequirement(service, List.of());
    }
}
