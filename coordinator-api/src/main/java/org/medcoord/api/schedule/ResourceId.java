package org.medcoord.api.schedule;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a bookable resource: a practitioner, a room or location, or a device.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record ResourceId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public ResourceId {
        Identifiers.check("resourceId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static ResourceId of(String value) {
        return new ResourceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
