package org.medcoord.api.common;

/**
 * Identifies a patient. An opaque reference into the host's master patient index; MedCoord
 * never needs the patient's name to coordinate care.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record PatientId(String value) {
    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public PatientId {
        Identifiers.check("patientId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static PatientId of(String value) {
        return new PatientId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
