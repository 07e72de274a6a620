package org.medcoord.api.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was refused before any work was done because one or more fields are invalid.
 * Lists every violation found, each with its field path; nothing was written.
 *
 * @since 0.1
 */
public class InvalidRequestException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param violations every rejected field; not empty
     */
    public InvalidRequestException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * Shorthand for a single rejected field.
     *
     * @param path the field path
     * @param message why it was rejected
     * @return the exception, to be thrown by the caller
     */
    public static InvalidRequestException of(String path, String message) {
        return new InvalidRequestException(List.of(new Violation(path, message)));
    }

    /**
     * The rejected fields, in a stable order.
     *
     * @return the violations; never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one violation");
        }
        return "invalid request: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
