package org.medcoord.api.schedule;

/**
 * Why a resource is unavailable.
 *
 * @since 0.1
 */
public enum UnavailabilityKind {
    /** A public or facility holiday. */
    HOLIDAY,
    /** A closure: maintenance, a site closed for weather. */
    CLOSURE,
    /** An ad-hoc block: a meeting, leave, a teaching session. */
    BLOCK
}
