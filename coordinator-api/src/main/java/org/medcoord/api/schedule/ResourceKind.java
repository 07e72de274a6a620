package org.medcoord.api.schedule;

/**
 * The kind of a bookable resource, after FHIR's Practitioner, Location and Device.
 *
 * @since 0.1
 */
public enum ResourceKind {
    /** A person who delivers care: physician, nurse, technologist. */
    PRACTITIONER,
    /** A room or location: exam room, scanner suite, infusion bay. */
    LOCATION,
    /** A piece of equipment: MRI scanner, infusion chair. */
    DEVICE
}
