package org.medcoord.api.appointment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of booking a series.
 *
 * @param series the series id, empty when nothing was booked
 * @param booked the booked occurrences in time order
 * @param conflicts the occurrences that could not be booked, with alternatives
 * @since 0.1
 */
public record SeriesResult(Optional<SeriesId> series, List<Appointment> booked, List<SeriesConflict> conflicts) {
    /**
     * Copies the lists.
     *
     * @param series the series
     * @param booked the booked appointments
     * @param conflicts the conflicts
     */
    public SeriesResult {
        Objects.requireNonNull(series, "series");
        booked = List.copyOf(booked);
        conflicts = List.copyOf(conflicts);
    }

    /**
     * Whether every occurrence was booked.
     *
     * @return {@code true} when there are no conflicts
     */
    public boolean complete() {
        return conflicts.isEmpty();
    }
}
