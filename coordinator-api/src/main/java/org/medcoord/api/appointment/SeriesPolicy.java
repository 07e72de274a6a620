package org.medcoord.api.appointment;

/**
 * What to do when some occurrences of a series cannot be booked.
 *
 * @since 0.1
 */
public enum SeriesPolicy {
    /**
     * Book nothing unless every occurrence fits; report the conflicting occurrences (only those)
     * with alternatives.
     */
    ALL_OR_NOTHING,
    /** Book the occurrences that fit; report the others with alternatives. */
    BOOK_AVAILABLE
}
