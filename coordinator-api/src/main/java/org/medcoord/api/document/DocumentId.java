package org.medcoord.api.document;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies one document of one patient: a consent, an acknowledgement, a questionnaire or a screening.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record DocumentId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public DocumentId {
        Identifiers.check("documentId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static DocumentId of(String value) {
        return new DocumentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
