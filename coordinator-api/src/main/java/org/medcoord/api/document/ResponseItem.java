package org.medcoord.api.document;

import java.util.Arrays;
import java.util.List;
import org.medcoord.api.common.Identifiers;
import org.medcoord.api.common.Violations;

/**
 * The answers to one questionnaire item, like FHIR {@code QuestionnaireResponse.item}: the
 * item's {@code linkId} and one or more typed answers.
 *
 * @param linkId the questionnaire item answered, following the rules of {@link Identifiers}
 * @param answers the answers, 1 to {@link #MAX_ANSWERS}
 * @since 0.1
 */
public record ResponseItem(String linkId, List<Answer> answers) {
    /** The most answers one item may have. */
    public static final int MAX_ANSWERS = 20;

    /**
     * Validates the parts and copies the answers.
     *
     * @param linkId the item id
     * @param answers the answers
     */
    public ResponseItem {
        Violations v = new Violations();
        if (v.notNull(linkId, "linkId")) {
            try {
                Identifiers.check("linkId", linkId);
            } catch (org.medcoord.api.common.InvalidRequestException e) {
                v.addAll(e.violations());
            }
        }
        if (v.notNull(answers, "answers")) {
            v.require(!answers.isEmpty() && answers.size() <= MAX_ANSWERS, "answers",
                    "must have 1 to " + MAX_ANSWERS + " elements");
            for (int i = 0; i < answers.size(); i++) {
                v.notNull(answers.get(i), "answers[" + i + "]");
            }
        }
        v.throwIfAny();
        answers = List.copyOf(answers);
    }

    /**
     * An item with its answers.
     *
     * @param linkId the item id
     * @param answers the answers
     * @return the item
     */
    public static ResponseItem of(String linkId, Answer... answers) {
        return new ResponseItem(linkId, answers == null ? null : Arrays.asList(answers));
    }
}
