package org.medcoord.api.appointment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.medcoord.api.schedule.SlotOption;

/**
 * An occurrence of a series that could not be booked, with alternatives near it.
 *
 * @param occurrence the zero-based index of the occurrence
 * @param requestedStart the start it would have had
 * @param code why, for example {@code slot-unavailable} or a rule's code
 * @param alternatives options for the same service near the requested time, best first
 * @since 0.1
 */
public record SeriesConflict(int occurrence, Instant requestedStart, String code, List<SlotOption> alternatives) {
    /**
     * Copies the alternatives.
     *
     * @param occurrence the index
     * @param requestedStart the start
     * @param code the code
     * @param alternatives the alternatives
     */
    public SeriesConflict {
        Objects.requireNonNull(requestedStart, "requestedStart");
        Objects.requireNonNull(code, "code");
        alternatives = List.copyOf(alternatives);
    }
}
