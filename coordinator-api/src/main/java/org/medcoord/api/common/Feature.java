package org.medcoord.api.common;

import java.util.Objects;

/**
 * A capability a coordinator can run: scheduling, appointments, the wait list, paperwork, and the
 * features that come later. Each feature declares its own constant on its facade (for example
 * {@link org.medcoord.api.appointment.Appointments#FEATURE}). A host that builds a coordinator with
 * only some features (because its storage keeps only their data) names them on the builder; a
 * feature brings along the features it needs.
 *
 * @param name the feature's name, lower case letters and hyphens, for example {@code appointments}
 * @since 0.1
 */
public record Feature(String name) {
    /**
     * Checks the name.
     *
     * @param name the name
     * @throws IllegalArgumentException when it is not 1 to 40 lower case letters and hyphens
     */
    public Feature {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 40 || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '-')) {
            throw new IllegalArgumentException("feature name must be 1 to 40 lower case letters and hyphens");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
