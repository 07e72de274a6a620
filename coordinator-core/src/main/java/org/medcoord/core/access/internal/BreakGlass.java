package org.medcoord.core.access.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * An open break-the-glass grant: emergency access for one user until a time.
 *
 * @param grantId the grant's id, recorded in the audit trail and the alert event
 * @param reasonCode why the glass was broken
 * @param opened when it was opened
 * @param until when it ends (exclusive)
 */
public record BreakGlass(String grantId, String reasonCode, Instant opened, Instant until) {
    /**
     * Checks the fields.
     *
     * @param grantId the grant id
     * @param reasonCode the reason
     * @param opened opened at
     * @param until ends at
     */
    public BreakGlass {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(until, "until");
    }

    /**
     * Whether the grant is open at an instant.
     *
     * @param now the instant
     * @return whether it is open
     */
    public boolean openAt(Instant now) {
        return !now.isBefore(opened) && now.isBefore(until);
    }
}
