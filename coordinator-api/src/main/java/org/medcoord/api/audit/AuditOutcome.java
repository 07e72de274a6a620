package org.medcoord.api.audit;

/**
 * How an audited call ended.
 *
 * @since 0.1
 */
public enum AuditOutcome {
    /** The call did what was asked. */
    SUCCESS,
    /** The access policy refused the call. */
    DENIED,
    /** The call failed: invalid input, a conflict, an adapter failure. */
    FAILED
}
