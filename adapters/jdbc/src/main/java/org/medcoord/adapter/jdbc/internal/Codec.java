package org.medcoord.adapter.jdbc.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The text encoding of nested values kept in one column (status histories, role lists, tags,
 * preferences). A value is a list of fields; each field is written as its length in UTF-16 units,
 * a colon and the text itself ({@code 4:r0-1}), or as {@code -} when absent. Lists of records nest
 * by encoding each record and writing the results as fields. Any text, colons and digits
 * included, round-trips exactly, with nothing to escape.
 */
public final class Codec {
    private static final char ABSENT = '-';

    private Codec() {
    }

    /**
     * Encodes fields.
     *
     * @param fields the fields; null elements are absent fields
     * @return the text
     */
    public static String encode(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                out.append(ABSENT);
            } else {
                out.append(field.length()).append(':').append(field);
            }
        }
        return out.toString();
    }

    /**
     * Encodes fields.
     *
     * @param fields the fields; nulls are absent fields
     * @return the text
     */
    public static String fields(String... fields) {
        return encode(Arrays.asList(fields));
    }

    /**
     * Decodes fields.
     *
     * @param text text written by {@link #encode}
     * @return the fields, with null for absent ones
     * @throws IllegalArgumentException when the text is not an encoding
     */
    public static List<String> decode(String text) {
        Objects.requireNonNull(text, "text");
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ABSENT) {
                fields.add(null);
                i++;
                continue;
            }
            int colon = text.indexOf(':', i);
            if (colon <= i || colon - i > 9) {
                throw new IllegalArgumentException("malformed encoding at " + i);
            }
            int length = 0;
            for (int d = i; d < colon; d++) {
                char c = text.charAt(d);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("malformed length at " + i);
                }
                length = length * 10 + (c - '0');
            }
            int end = colon + 1 + length;
            if (end > text.length()) {
                throw new IllegalArgumentException("field length past the end at " + i);
            }
            fields.add(text.substring(colon + 1, end));
            i = end;
        }
        return fields;
    }

    /**
     * Encodes a list of records, each as its own encoding.
     *
     * @param items the items
     * @param fields the fields of one item
     * @param <T> the item type
     * @return the text
     */
    public static <T> String encodeAll(Collection<T> items, Function<T, String> fields) {
        List<String> encoded = new ArrayList<>(items.size());
        for (T item : items) {
            encoded.add(fields.apply(item));
        }
        return encode(encoded);
    }

    /**
     * Decodes a list of records written by {@link #encodeAll}.
     *
     * @param text the text
     * @param item builds one item from its decoded fields
     * @param <T> the item type
     * @return the items
     */
    public static <T> List<T> decodeAll(String text, Function<List<String>, T> item) {
        List<T> items = new ArrayList<>();
        for (String encoded : decode(text)) {
            items.add(item.apply(decode(Objects.requireNonNull(encoded, "item"))));
        }
        return items;
    }

    /**
     * Encodes a set of strings in sorted order, so equal sets are stored alike.
     *
     * @param values the values
     * @return the text
     */
    public static String sorted(Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        Collections.sort(list);
        return encode(list);
    }
}
