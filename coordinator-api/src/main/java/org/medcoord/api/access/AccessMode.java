package org.medcoord.api.access;

/**
 * How a call uses a {@link DataCategory}.
 *
 * @since 0.1
 */
public enum AccessMode {
    /** Reading. */
    READ,
    /** Creating or changing. */
    WRITE,
    /**
     * Privileged changes that bypass a safeguard: booking over capacity, resetting a status
     * backwards, checking a patient in with paperwork missing. Always audited as such.
     */
    OVERRIDE
}
