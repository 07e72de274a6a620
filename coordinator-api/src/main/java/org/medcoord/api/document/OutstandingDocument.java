package org.medcoord.api.document;

import java.util.Objects;
import java.util.Optional;

/**
 * A required document that does not count for a visit, and why. Ids only.
 *
 * @param type the required document type
 * @param gap why it does not count
 * @param latest the patient's most recently requested document of that type, if any
 * @since 0.1
 */
public record OutstandingDocument(DocumentTypeId type, DocumentGap gap, Optional<DocumentId> latest) {
    /**
     * Checks the parts are present.
     *
     * @param type the type
     * @param gap the gap
     * @param latest the latest document
     */
    public OutstandingDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(latest, "latest");
    }
}
