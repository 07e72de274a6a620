package org.medcoord.api.common;

import java.util.Objects;

/**
 * One rejected field of a request: its path (for example {@code start} or
 * {@code resources[1].resource}) and a message that never repeats the rejected value.
 *
 * @param path the property path of the field within the request
 * @param message why the field was rejected
 * @since 0.1
 */
public record Violation(String path, String message) {
    /**
     * Validates the parts.
     *
     * @param path the property path
     * @param message the reason
     */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
