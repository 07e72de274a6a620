package org.medcoord.api.appointment;

import java.util.Objects;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.SlotOption;

/**
 * A freed slot offered to a waiting patient. Several patients may be offered the same slot in
 * rank order; the first to accept gets it.
 *
 * @param entry the wait-list entry
 * @param patient the patient
 * @param rank 1 for the best match
 * @param slot the slot offered
 * @since 0.1
 */
public record WaitlistOffer(WaitlistEntryId entry, PatientId patient, int rank, SlotOption slot) {
    /**
     * Checks the parts are present.
     *
     * @param entry the entry
     * @param patient the patient
     * @param rank the rank
     * @param slot the slot
     */
    public WaitlistOffer {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(slot, "slot");
    }
}
