package org.medcoord.api.document;

/**
 * Why a required document does not count.
 *
 * @since 0.1
 */
public enum DocumentGap {
    /** The patient was never asked for it. */
    NOT_REQUESTED,
    /** Requested or sent, not yet completed. */
    PENDING,
    /** Completed once, but no longer valid. */
    EXPIRED,
    /** Revoked by the patient (or withdrawn), and not replaced. */
    REVOKED,
    /** Valid now, but its validity ends before the visit. */
    EXPIRES_BEFORE_VISIT
}
