package org.medcoord.api.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.medcoord.api.common.PatientId;

/**
 * A search for bookable options. Options are ranked by start time, earliest first; for the
 * same start the assignment prefers {@link Preferences#preferredResources()} and then the
 * lowest resource ids, so the same calendar always gives the same answer.
 *
 * @param service the service type
 * @param patient the patient; their own appointments are never overlapped
 * @param from the earliest start to consider
 * @param to the latest start to consider, exclusive; at most 366 days after {@code from}
 * @param preferences filters and preferences
 * @param limit the maximum number of options, 1 to 10,000
 * @since 0.1
 */
public record SlotQuery(@NotNull ServiceTypeId service, @NotNull PatientId patient, @NotNull Instant from,
                        @NotNull Instant to, @NotNull @Valid Preferences preferences, @Min(1) @Max(10_000) int limit) {
    /**
     * The earliest {@code limit} options without preferences.
     *
     * @param service the service type
     * @param patient the patient
     * @param from the earliest start
     * @param to the latest start, exclusive
     * @param limit the maximum number of options
     * @return the query
     */
    public static SlotQuery earliest(ServiceTypeId service, PatientId patient, Instant from, Instant to, int limit) {
        return new SlotQuery(service, patient, from, to, Preferences.NONE, limit);
    }

    /**
     * A copy with preferences.
     *
     * @param newPreferences the preferences
     * @return a copy
     */
    public SlotQuery with(Preferences newPreferences) {
        return new SlotQuery(service, patient, from, to, newPreferences, limit);
    }
}
