package org.medcoord.api.appointment;

import java.util.List;
import java.util.regex.Pattern;
import org.medcoord.api.common.Violations;

/**
 * Clinical content of an appointment: why the patient comes, in words and as diagnosis codes.
 * This is {@link org.medcoord.api.access.DataCategory#CLINICAL CLINICAL} data: callers without
 * clinical read access get appointments without it.
 *
 * <p>The text is never logged and never appears in an error message: errors name the field only.
 *
 * @param text the reason in words, at most {@value #MAX_TEXT} characters
 * @param diagnosisCodes diagnosis codes (for example ICD-10-CM {@code I48.91}), at most
 *     {@value #MAX_CODES}
 * @since 0.1
 */
public record VisitReason(String text, List<String> diagnosisCodes) {
    /** The longest reason text accepted. */
    public static final int MAX_TEXT = 500;
    /** The most diagnosis codes accepted. */
    public static final int MAX_CODES = 12;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,16}");

    /**
     * Validates the reason.
     *
     * @throws org.medcoord.api.common.InvalidRequestException naming {@code text} or
     *         {@code diagnosisCodes}
     */
    public VisitReason {
        Violations v = new Violations();
        v.text(text, "text", MAX_TEXT);
        if (v.notNull(diagnosisCodes, "diagnosisCodes")) {
            v.require(diagnosisCodes.size() <= MAX_CODES, "diagnosisCodes", "must have at most " + MAX_CODES + " codes");
            for (int i = 0; i < diagnosisCodes.size(); i++) {
                String code = diagnosisCodes.get(i);
                v.require(code != null && CODE.matcher(code).matches(), "diagnosisCodes[" + i + "]",
                        "must be 1 to 16 letters, digits, dots or dashes");
            }
        }
        v.throwIfAny();
        diagnosisCodes = List.copyOf(diagnosisCodes);
    }

    /**
     * Creates a reason.
     *
     * @param text the reason in words
     * @param diagnosisCodes the diagnosis codes
     * @return the reason
     */
    public static VisitReason of(String text, String... diagnosisCodes) {
        return new VisitReason(text, List.of(diagnosisCodes));
    }

    /**
     * Says that a reason is present without showing it, so that a command or an appointment that
     * ends up in a log line does not carry clinical text or codes.
     *
     * @return {@code VisitReason[redacted]}
     */
    @Override
    public String toString() {
        return "VisitReason[redacted]";
    }
}
