package org.medcoord.api.appointment;

import org.medcoord.api.common.Identifiers;

/**
 * An explicit decision to book over a resource's capacity. Only a supervisor may give it; it is
 * recorded in the appointment's history and the audit trail.
 *
 * @param reasonCode why, as a short code such as {@code urgent-add-on}
 * @since 0.1
 */
public record CapacityOverride(String reasonCode) {
    /**
     * Validates the reason.
     *
     * @param reasonCode the reason code
     */
    public CapacityOverride {
        Identifiers.checkText("override.reasonCode", reasonCode, 64);
    }
}
