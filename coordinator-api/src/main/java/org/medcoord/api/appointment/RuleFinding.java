package org.medcoord.api.appointment;

import java.util.Objects;

/**
 * What a booking rule found.
 *
 * @param rule the id of the rule, for example {@code minimum-notice}
 * @param severity warning or rejection
 * @param code a stable machine-readable code
 * @param message a message naming ids only
 * @since 0.1
 */
public record RuleFinding(String rule, Severity severity, String code, String message) {
    /**
     * How serious a finding is.
     *
     * @since 0.1
     */
    public enum Severity {
        /** The booking goes ahead; the desk is told. */
        WARNING,
        /** The booking is refused. */
        REJECTION
    }

    /**
     * Checks the parts are present.
     *
     * @param rule the rule id
     * @param severity the severity
     * @param code the code
     * @param message the message
     */
    public RuleFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A warning.
     *
     * @param rule the rule id
     * @param code the code
     * @param message the message
     * @return the finding
     */
    public static RuleFinding warning(String rule, String code, String message) {
        return new RuleFinding(rule, Severity.WARNING, code, message);
    }

    /**
     * A rejection.
     *
     * @param rule the rule id
     * @param code the code
     * @param message the message
     * @return the finding
     */
    public static RuleFinding rejection(String rule, String code, String message) {
        return new RuleFinding(rule, Severity.REJECTION, code, message);
    }
}
