package org.medcoord.api.appointment;

/**
 * The state of a wait-list entry.
 *
 * @since 0.1
 */
public enum WaitlistStatus {
    /** Waiting for a slot. */
    WAITING,
    /** A freed slot has been offered; still waiting until accepted. */
    OFFERED,
    /** The patient took a slot. */
    BOOKED,
    /** Withdrawn or expired. */
    CLOSED
}
