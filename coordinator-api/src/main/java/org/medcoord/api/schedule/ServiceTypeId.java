package org.medcoord.api.schedule;

import org.medcoord.api.common.Identifiers;

/**
 * Identifies a service or visit type, such as a cardiology consult or an MRI.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record ServiceTypeId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public ServiceTypeId {
        Identifiers.check("serviceTypeId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static ServiceTypeId of(String value) {
        return new ServiceTypeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
