package org.medcoord.api.appointment;

/**
 * Why an appointment was cancelled, after FHIR's appointment-cancellation-reason codes.
 *
 * @since 0.1
 */
public enum CancellationReason {
    /** The patient asked. */
    PATIENT_REQUEST,
    /** The practitioner is not available. */
    PROVIDER_UNAVAILABLE,
    /** The facility or equipment is not available. */
    FACILITY_UNAVAILABLE,
    /** Clinical reasons: the visit is no longer indicated. */
    CLINICAL,
    /** The appointment was a duplicate. */
    DUPLICATE,
    /** Weather or another external event. */
    WEATHER,
    /** Another reason. */
    OTHER
}
