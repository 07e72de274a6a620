package org.medcoord.api.access;

/**
 * What kind of data a call touches. The access policy grants access per role, purpose and data
 * category.
 *
 * @since 0.1
 */
public enum DataCategory {
    /** Facility data: resources, service types, templates, unavailability. Holds no patient data. */
    SCHEDULE,
    /**
     * The scheduling view of patient data: the patient id, the slot, the resources, the status and
     * its history. Enough to book, move and cancel; no clinical content.
     */
    APPOINTMENT,
    /** Clinical content attached to an appointment: the reason for the visit and its diagnosis codes. */
    CLINICAL,
    /** Consent forms, acknowledgements, screenings and questionnaire answers. */
    DOCUMENT,
    /** The audit trail itself: who accessed what, for compliance review. */
    AUDIT
}
