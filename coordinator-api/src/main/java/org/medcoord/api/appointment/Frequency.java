package org.medcoord.api.appointment;

/**
 * How often a series recurs.
 *
 * @since 0.1
 */
public enum Frequency {
    /** Every {@code interval} days. */
    DAILY,
    /** Every {@code interval} weeks. */
    WEEKLY
}
