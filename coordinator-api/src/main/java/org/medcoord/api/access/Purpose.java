package org.medcoord.api.access;

/**
 * Why a call is made: the purpose of use, after HL7's PurposeOfUse codes. It travels with
 * every call and is recorded in the audit trail.
 *
 * @since 0.1
 */
public enum Purpose {
    /** Providing care to the patient (HL7 TREAT). */
    TREATMENT("TREAT"),
    /** Obtaining payment for care (HL7 HPAYMT). */
    PAYMENT("HPAYMT"),
    /** Running the facility: scheduling, quality, operations (HL7 HOPERAT). */
    OPERATIONS("HOPERAT"),
    /** Emergency access that overrides normal policy, break-the-glass (HL7 ETREAT). */
    EMERGENCY("ETREAT"),
    /** Research under a protocol (HL7 HRESCH). */
    RESEARCH("HRESCH"),
    /** At the patient's own request (HL7 PATRQT). */
    PATIENT_REQUEST("PATRQT");

    private final String code;

    Purpose(String code) {
        this.code = code;
    }

    /**
     * The HL7 v3 PurposeOfUse code.
     *
     * @return for example {@code TREAT}
     */
    public String code() {
        return code;
    }
}
