package org.medcoord.api.document;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.common.Violations;

/**
 * The answers of a completed questionnaire or screening, shaped like a FHIR
 * {@code QuestionnaireResponse}: items, each with a {@code linkId} and typed answers. The
 * document's type identifies the questionnaire.
 *
 * @param items the answered items, 1 to {@link #MAX_ITEMS}, each {@code linkId} once
 * @since 0.1
 */
public record QuestionnaireResponse(List<ResponseItem> items) {
    /** The most items one response may have. */
    public static final int MAX_ITEMS = 200;

    /**
     * Validates and copies the items.
     *
     * @param items the items
     */
    public QuestionnaireResponse {
        Violations v = new Violations();
        if (v.notNull(items, "items")) {
            v.require(!items.isEmpty() && items.size() <= MAX_ITEMS, "items", "must have 1 to " + MAX_ITEMS + " elements");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                ResponseItem item = items.get(i);
                if (v.notNull(item, "items[" + i + "]")) {
                    v.require(seen.add(item.linkId()), "items[" + i + "].linkId", "must not repeat a linkId");
                }
            }
        }
        v.throwIfAny();
        items = List.copyOf(items);
    }

    /**
     * A response.
     *
     * @param items the items
     * @return the response
     */
    public static QuestionnaireResponse of(ResponseItem... items) {
        return new QuestionnaireResponse(items == null ? null : Arrays.asList(items));
    }

    /**
     * The answers to one item.
     *
     * @param linkId the item id
     * @return the item, or empty when it was not answered
     */
    public Optional<ResponseItem> item(String linkId) {
        return items.stream().filter(i -> i.linkId().equals(linkId)).findFirst();
    }
}
