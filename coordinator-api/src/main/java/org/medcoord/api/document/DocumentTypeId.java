package org.medcoord.api.document;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a kind of document, such as the MRI safety screening.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record DocumentTypeId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public DocumentTypeId {
        Identifiers.check("documentTypeId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static DocumentTypeId of(String value) {
        return new DocumentTypeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
