package org.medcoord.api.appointment;

import java.time.Instant;
import java.util.Objects;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.SlotOption;

/**
 * A tentative claim on the resources of a visit. It blocks the slot for others until it is
 * confirmed, released or expires.
 *
 * @param id the id
 * @param patient the patient
 * @param slot the slot held
 * @param expiresAt when the hold lapses
 * @since 0.1
 */
public record Hold(HoldId id, PatientId patient, SlotOption slot, Instant expiresAt) {
    /**
     * Checks the parts are present.
     *
     * @param id the id
     * @param patient the patient
     * @param slot the slot
     * @param expiresAt the expiry
     */
    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
