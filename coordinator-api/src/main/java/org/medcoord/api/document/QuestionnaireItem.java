package org.medcoord.api.document;

import org.medcoord.api.common.Identifiers;
import org.medcoord.api.common.Violations;

/**
 * One question of a questionnaire, like FHIR {@code Questionnaire.item}: its {@code linkId}, the
 * type of answer it takes, whether it must be answered and whether it takes several answers.
 * The question's wording belongs to the host's form, not here.
 *
 * @param linkId the item id, following the rules of {@link Identifiers}
 * @param type the type of answer
 * @param required whether a response must answer it
 * @param repeats whether it takes more than one answer
 * @since 0.1
 */
public record QuestionnaireItem(String linkId, AnswerType type, boolean required, boolean repeats) {
    /**
     * Validates the parts.
     *
     * @param linkId the item id
     * @param type the answer type
     * @param required whether required
     * @param repeats whether repeating
     */
    public QuestionnaireItem {
        Violations v = new Violations();
        if (v.notNull(linkId, "linkId")) {
            v.require(linkId.length() <= Identifiers.MAX_LENGTH && linkId.matches("[A-Za-z0-9._:-]+"), "linkId",
                    "must be 1 to " + Identifiers.MAX_LENGTH + " letters, digits or . _ : -");
        }
        v.notNull(type, "type");
        v.throwIfAny();
    }

    /**
     * A required item taking one answer.
     *
     * @param linkId the item id
     * @param type the answer type
     * @return the item
     */
    public static QuestionnaireItem required(String linkId, AnswerType type) {
        return new QuestionnaireItem(linkId, type, true, false);
    }

    /**
     * An optional item taking one answer.
     *
     * @param linkId the item id
     * @param type the answer type
     * @return the item
     */
    public static QuestionnaireItem optional(String linkId, AnswerType type) {
        return new QuestionnaireItem(linkId, type, false, false);
    }
}
