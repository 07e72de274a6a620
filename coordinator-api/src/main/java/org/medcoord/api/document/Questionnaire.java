package org.medcoord.api.document;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medcoord.api.common.Violation;
import org.medcoord.api.common.Violations;

/**
 * The questions of a questionnaire or screening document type, like a FHIR
 * {@code Questionnaire}: once defined, a response to a document of that type must answer every
 * required item, only known items, with answers of the item's type, one answer unless the item
 * repeats.
 *
 * @param type the document type it belongs to
 * @param items the items, 1 to {@link QuestionnaireResponse#MAX_ITEMS}, each {@code linkId} once
 * @since 0.1
 */
public record Questionnaire(DocumentTypeId type, List<QuestionnaireItem> items) {
    /**
     * Validates the parts and copies the items.
     *
     * @param type the document type
     * @param items the items
     */
    public Questionnaire {
        Violations v = new Violations();
        v.notNull(type, "type");
        if (v.notNull(items, "items")) {
            v.require(!items.isEmpty() && items.size() <= QuestionnaireResponse.MAX_ITEMS, "items",
                    "must have 1 to " + QuestionnaireResponse.MAX_ITEMS + " elements");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                QuestionnaireItem item = items.get(i);
                if (v.notNull(item, "items[" + i + "]")) {
                    v.require(seen.add(item.linkId()), "items[" + i + "].linkId", "must not repeat a linkId");
                }
            }
        }
        v.throwIfAny();
        items = List.copyOf(items);
    }

    /**
     * A questionnaire.
     *
     * @param type the document type
     * @param items the items
     * @return the questionnaire
     */
    public static Questionnaire of(DocumentTypeId type, QuestionnaireItem... items) {
        return new Questionnaire(type, items == null ? null : Arrays.asList(items));
    }

    /**
     * What is wrong with a response to this questionnaire. Paths start at {@code response}, for
     * example {@code response.items[2].answers[0]}; messages name link ids and types, never
     * answers.
     *
     * @param response the response
     * @return the violations, empty when it conforms
     */
    public List<Violation> check(QuestionnaireResponse response) {
        Map<String, QuestionnaireItem> byLinkId = new HashMap<>();
        for (QuestionnaireItem item : items) {
            byLinkId.put(item.linkId(), item);
        }
        Violations v = new Violations();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < response.items().size(); i++) {
            ResponseItem given = response.items().get(i);
            String path = "response.items[" + i + "]";
            QuestionnaireItem item = byLinkId.get(given.linkId());
            if (!v.require(item != null, path + ".linkId", "is not an item of questionnaire " + type)) {
                continue;
            }
            answered.add(given.linkId());
            v.require(item.repeats() || given.answers().size() == 1, path + ".answers",
                    "item " + item.linkId() + " takes one answer");
            for (int j = 0; j < given.answers().size(); j++) {
                v.require(item.type().accepts(given.answers().get(j)), path + ".answers[" + j + "]",
                        "item " + item.linkId() + " takes a " + item.type().code() + " answer");
            }
        }
        for (QuestionnaireItem item : items) {
            v.require(!item.required() || answered.contains(item.linkId()), "response.items",
                    "must answer required item " + item.linkId());
        }
        return v.list();
    }
}
