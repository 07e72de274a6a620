package org.medcoord.core.audit.internal;

import org.medcoord.api.audit.AuditEntry;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.core.access.internal.Projections;

/** What callers may see of the audit review's results. Not API. */
public final class AuditProjections {
    private AuditProjections() {
    }

    /**
     * Declares the audit result types. Audit entries name patients, users and purposes; the
     * audit-review permission, which the standard policy grants privacy officers only, is the
     * whole of their rule. The verification report carries sequence numbers and key ids only.
     *
     * @param projections the builder
     */
    public static void declare(Projections.Builder projections) {
        projections.asIs(AuditEntry.class, AuditVerification.class);
    }
}
