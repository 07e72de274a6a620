package org.medcoord.api.common;

/**
 * The rule every identifier in MedCoord follows: 1 to 64 characters of letters, digits and
 * {@code . _ : -}. Id records call {@link #check(String, String)} in their constructors, so an
 * id that exists is a valid one.
 *
 * @since 0.1
 */
public final class Identifiers {
    /** The longest identifier accepted. */
    public static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    /**
     * Checks an identifier value.
     *
     * @param field the field path, used in the error
     * @param value the value to check
     * @return the value, unchanged
     * @throws InvalidRequestException naming {@code field} when the value is null, blank, too
     *     long or has a character outside the allowed set; the value itself is not echoed
     */
    public static String check(String field, String value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
        if (value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidRequestException.of(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!allowedCharacters(value)) {
            throw InvalidRequestException.of(field, "may contain only letters, digits and . _ : -");
        }
        return value;
    }

    // A loop rather than a regular expression: ids are checked on every row read back from
    // storage, where a matcher per id showed in profiles.
    private static boolean allowedCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a short code or display text: not blank and at most {@code max} characters.
     *
     * @param field the field path, used in the error
     * @param value the value to check
     * @param max the maximum length
     * @return the value, unchanged
     * @throws InvalidRequestException naming {@code field} when the value is null, blank or too long
     */
    public static String checkText(String field, String value, int max) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
        if (value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (value.length() > max) {
            throw InvalidRequestException.of(field, "must be at most " + max + " characters");
        }
        return value;
    }
}
