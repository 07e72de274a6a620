package org.medcoord.api.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field violations so a value can report every problem at once, then throws a single
 * {@link InvalidRequestException}.
 *
 * <pre>{@code
 * Violations v = new Violations();
 * v.require(end.isAfter(start), "end", "must be after start");
 * v.throwIfAny();
 * }</pre>
 *
 * @since 0.1
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /** Creates an empty collector. */
    public Violations() {
    }

    /**
     * Records a violation unless the condition holds.
     *
     * @param condition what must be true
     * @param path the field path
     * @param message the reason, used when the condition is false
     * @return {@code condition}, so callers can skip dependent checks
     */
    public boolean require(boolean condition, String path, String message) {
        if (!condition) {
            found.add(new Violation(path, message));
        }
        return condition;
    }

    /**
     * Records a violation when the value is null.
     *
     * @param value the value
     * @param path the field path
     * @return {@code true} when the value is present
     */
    public boolean notNull(Object value, String path) {
        return require(value != null, path, "must not be null");
    }

    /**
     * Records a violation when the text is null, blank or longer than {@code max}.
     *
     * @param value the text
     * @param path the field path
     * @param max the maximum length
     * @return {@code true} when the text is acceptable
     */
    public boolean text(String value, String path, int max) {
        if (!notNull(value, path)) {
            return false;
        }
        return require(!value.isBlank(), path, "must not be blank")
                && require(value.length() <= max, path, "must be at most " + max + " characters");
    }

    /**
     * Adds violations found elsewhere.
     *
     * @param more the violations
     */
    public void addAll(List<Violation> more) {
        found.addAll(more);
    }

    /**
     * The violations found so far.
     *
     * @return a copy of the list
     */
    public List<Violation> list() {
        return List.copyOf(found);
    }

    /**
     * Throws when anything was recorded.
     *
     * @throws InvalidRequestException listing every violation
     */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
