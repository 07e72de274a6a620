package org.medcoord.api.document;

import org.medcoord.api.common.ConflictException;

/**
 * A document cannot move to the status asked for, for example completing a revoked consent or
 * revoking an expired one. Request a new document instead.
 *
 * @since 0.1
 */
public class InvalidDocumentTransitionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param document the document
     * @param from its current status
     * @param to the status asked for
     */
    public InvalidDocumentTransitionException(DocumentId document, DocumentStatus from, DocumentStatus to) {
        super("invalid-document-transition", "document " + document + " cannot move from " + from.code() + " to "
                + to.code());
    }
}
