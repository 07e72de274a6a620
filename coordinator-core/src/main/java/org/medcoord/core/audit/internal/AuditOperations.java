package org.medcoord.core.audit.internal;

import java.util.List;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;

/** The operations of the audit trail, and of opening a break-glass session, which it records. */
public final class AuditOperations {
    /** Verifying the chain. */
    public static final Operation VERIFY = Operation.of("audit.verify", Permission.REVIEW_AUDIT);
    /** Who accessed a patient's data. */
    public static final Operation ACCESSES_TO = Operation.of("audit.accesses-to", Permission.REVIEW_AUDIT);
    /** What a user did. */
    public static final Operation ACTIONS_BY = Operation.of("audit.actions-by", Permission.REVIEW_AUDIT);
    /** The break-glass sessions of a period. */
    public static final Operation BREAK_GLASS_REVIEW = Operation.of("audit.break-glass", Permission.REVIEW_AUDIT);
    /** The accounting of disclosures of a patient. */
    public static final Operation DISCLOSURES = Operation.of("audit.disclosures", Permission.REVIEW_AUDIT);
    /** Opening a break-glass session: allowed or refused by the policy's break-glass roles, always recorded. */
    public static final Operation BREAK_GLASS = Operation.recordOnly("access.break-glass");

    /** Every operation, for the slice. */
    static final List<Operation> ALL = List.of(VERIFY, ACCESSES_TO, ACTIONS_BY, BREAK_GLASS_REVIEW, DISCLOSURES,
            BREAK_GLASS);

    private AuditOperations() {
    }
}
