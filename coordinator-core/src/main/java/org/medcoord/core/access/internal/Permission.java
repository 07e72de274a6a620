package org.medcoord.core.access.internal;

/**
 * What a call needs to be allowed.
 */
public enum Permission {
    /** Read resources, services and templates (no patient data). */
    READ_SCHEDULE,
    /** Change resources, services and templates. */
    ADMINISTER_SCHEDULE,
    /** Read appointments and search slots for a patient. */
    READ_APPOINTMENTS,
    /** Book, move, cancel and change the status of appointments. */
    WRITE_APPOINTMENTS,
    /** Privileged resets and capacity overrides. */
    PRIVILEGED,
    /** Verify the audit trail and run its compliance queries. */
    REVIEW_AUDIT
}
