package org.medcoord.api.access;

import java.time.Duration;
import org.medcoord.api.common.Identifiers;
import org.medcoord.api.common.Violations;

/**
 * A request to break the glass: emergency access to patient data outside the standing grants.
 *
 * <p>The reason is a code, not free text (for example {@code unconscious-patient} or
 * {@code ed-trauma}), so that it can be recorded in the audit trail and shown in alerts without
 * carrying patient data.
 *
 * @param reasonCode why the glass is broken, an identifier (see {@link Identifiers})
 * @param duration how long the access is needed; cut to the policy's limit
 * @since 0.1
 */
public record EmergencyAccess(String reasonCode, Duration duration) {
    /**
     * Validates the request.
     *
     * @throws org.medcoord.api.common.InvalidRequestException naming {@code reasonCode} or
     *         {@code duration}
     */
    public EmergencyAccess {
        Identifiers.check("reasonCode", reasonCode);
        Violations v = new Violations();
        if (v.notNull(duration, "duration")) {
            v.require(!duration.isNegative() && !duration.isZero(), "duration", "must be positive");
        }
        v.throwIfAny();
    }

    /**
     * Creates a request.
     *
     * @param reasonCode the reason code
     * @param duration how long
     * @return the request
     */
    public static EmergencyAccess of(String reasonCode, Duration duration) {
        return new EmergencyAccess(reasonCode, duration);
    }
}
