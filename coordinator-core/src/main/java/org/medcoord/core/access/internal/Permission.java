package org.medcoord.core.access.internal;

import org.medcoord.api.access.AccessMode;
import org.medcoord.api.access.DataCategory;

/**
 * What a call needs to be allowed: a data category and a mode, looked up in the
 * {@link org.medcoord.api.access.AccessPolicy}.
 */
public enum Permission {
    /** Read resources, services and templates (no patient data). */
    READ_SCHEDULE(DataCategory.SCHEDULE, AccessMode.READ, false),
    /** Change resources, services and templates. */
    ADMINISTER_SCHEDULE(DataCategory.SCHEDULE, AccessMode.WRITE, false),
    /** Read appointments and search slots for a patient. */
    READ_APPOINTMENTS(DataCategory.APPOINTMENT, AccessMode.READ, true),
    /** Book, move, cancel and change the status of appointments. */
    WRITE_APPOINTMENTS(DataCategory.APPOINTMENT, AccessMode.WRITE, true),
    /** Privileged resets and capacity overrides. */
    PRIVILEGED(DataCategory.APPOINTMENT, AccessMode.OVERRIDE, true),
    /** Read patients' documents, answers and the paperwork worklist. */
    READ_DOCUMENTS(DataCategory.DOCUMENT, AccessMode.READ, true),
    /** Request, send, complete and revoke patients' documents. */
    WRITE_DOCUMENTS(DataCategory.DOCUMENT, AccessMode.WRITE, true),
    /** Verify the audit trail and run its compliance queries. */
    REVIEW_AUDIT(DataCategory.AUDIT, AccessMode.READ, true);

    private final DataCategory category;
    private final AccessMode mode;
    private final boolean patientData;

    Permission(DataCategory category, AccessMode mode, boolean patientData) {
        this.category = category;
        this.mode = mode;
        this.patientData = patientData;
    }

    /**
     * The data category the call touches.
     *
     * @return the category
     */
    public DataCategory category() {
        return category;
    }

    /**
     * How the call uses it.
     *
     * @return the mode
     */
    public AccessMode mode() {
        return mode;
    }

    /**
     * Whether the call touches patient data (and so is audited and facility-scoped).
     *
     * @return whether it does
     */
    public boolean patientData() {
        return patientData;
    }
}
