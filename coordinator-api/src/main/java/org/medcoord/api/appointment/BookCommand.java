package org.medcoord.api.appointment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;

/**
 * Book (or hold) a visit at a start time.
 *
 * @param service the service type
 * @param patient the patient
 * @param start the visit start; on the service's slot step
 * @param resources the resources per role; empty to let MedCoord choose the first free ones
 *     in the same order as slot search
 * @param idempotencyKey makes a retry safe: the same key returns the first result
 * @param override books over capacity, supervisors only
 * @param reason the clinical reason for the visit, if the caller records one
 * @since 0.1
 */
public record BookCommand(@NotNull ServiceTypeId service, @NotNull PatientId patient, @NotNull Instant start,
                          @NotNull @Size(max = 8) List<@NotNull @Valid RoleAssignment> resources,
                          @NotNull Optional<IdempotencyKey> idempotencyKey,
                          @NotNull Optional<CapacityOverride> override,
                          @NotNull Optional<@Valid VisitReason> reason) {
    /**
     * Copies the assignment list when present; validation of nulls happens in core so that
     * every problem is reported at once.
     *
     * @param service the service
     * @param patient the patient
     * @param start the start
     * @param resources the resources
     * @param idempotencyKey the key
     * @param override the override
     * @param reason the reason
     */
    public BookCommand {
        resources = resources == null ? null : List.copyOf(resources);
    }

    /**
     * A command without a clinical reason.
     *
     * @param service the service
     * @param patient the patient
     * @param start the start
     * @param resources the resources
     * @param idempotencyKey the key
     * @param override the override
     */
    public BookCommand(ServiceTypeId service, PatientId patient, Instant start, List<RoleAssignment> resources,
                       Optional<IdempotencyKey> idempotencyKey, Optional<CapacityOverride> override) {
        this(service, patient, start, resources, idempotencyKey, override, Optional.empty());
    }

    /**
     * The same command with a clinical reason for the visit.
     *
     * @param visitReason the reason
     * @return the command
     */
    public BookCommand withReason(VisitReason visitReason) {
        return new BookCommand(service, patient, start, resources, idempotencyKey, override,
                Optional.of(visitReason));
    }

    /**
     * Book a slot found by search.
     *
     * @param patient the patient
     * @param option the option
     * @return the command
     */
    public static BookCommand of(PatientId patient, SlotOption option) {
        return new BookCommand(option.service(), patient, option.start(), option.resources(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Book at a start time, letting MedCoord choose the resources.
     *
     * @param service the service
     * @param patient the patient
     * @param start the start
     * @return the command
     */
    public static BookCommand at(ServiceTypeId service, PatientId patient, Instant start) {
        return new BookCommand(service, patient, start, List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * A copy with an idempotency key.
     *
     * @param key the key
     * @return a copy
     */
    public BookCommand withIdempotencyKey(IdempotencyKey key) {
        return new BookCommand(service, patient, start, resources, Optional.of(key), override, reason);
    }

    /**
     * A copy with a capacity override.
     *
     * @param reasonCode the reason code
     * @return a copy
     */
    public BookCommand overCapacity(String reasonCode) {
        return new BookCommand(service, patient, start, resources, idempotencyKey,
                Optional.of(new CapacityOverride(reasonCode)), reason);
    }
}
