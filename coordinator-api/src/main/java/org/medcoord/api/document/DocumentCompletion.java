package org.medcoord.api.document;

import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * Record that a patient signed or answered a document. Questionnaires and screenings need the
 * answers; consents and acknowledgements need none.
 *
 * @param document the document
 * @param response the answers, for questionnaires and screenings
 * @since 0.1
 */
public record DocumentCompletion(@NotNull DocumentId document, @NotNull Optional<QuestionnaireResponse> response) {
    /**
     * A signed consent or acknowledgement.
     *
     * @param document the document
     * @return the command
     */
    public static DocumentCompletion signed(DocumentId document) {
        return new DocumentCompletion(document, Optional.empty());
    }

    /**
     * An answered questionnaire or screening.
     *
     * @param document the document
     * @param response the answers
     * @return the command
     */
    public static DocumentCompletion answered(DocumentId document, QuestionnaireResponse response) {
        return new DocumentCompletion(document, Optional.ofNullable(response));
    }
}
