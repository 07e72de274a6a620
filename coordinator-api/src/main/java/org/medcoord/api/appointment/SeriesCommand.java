package org.medcoord.api.appointment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Book a recurring series: the first occurrence as in {@code first}, the rest at the same local
 * time per {@code recurrence}, with the same resources where they are free.
 *
 * @param first the first occurrence
 * @param recurrence how it repeats
 * @param policy all or nothing, or book what fits
 * @since 0.1
 */
public record SeriesCommand(@NotNull @Valid BookCommand first, @NotNull Recurrence recurrence,
                            @NotNull SeriesPolicy policy) {
}
