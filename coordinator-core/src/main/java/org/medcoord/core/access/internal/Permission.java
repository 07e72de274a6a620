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
    /** Read patients' documents, answers and the paperwork worklist. */
    READ_DOCUMENTS,
    /** Request, send, complete and revoke patients' documents. */
    WRITE_DOCUMENTS
}
