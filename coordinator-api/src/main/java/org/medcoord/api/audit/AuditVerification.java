package org.medcoord.api.audit;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What verifying the audit chain found.
 *
 * @param eventsChecked how many sealed events were read and checked
 * @param lastSequence the highest sequence number found, {@code 0} for an empty chain
 * @param checkpointSequence the sequence the newest signed checkpoint vouches for, when its
 *     signature holds; empty when there is none or it does not hold
 * @param findings what is wrong, ordered by sequence; empty for an intact chain
 * @since 0.1
 */
public record AuditVerification(long eventsChecked, long lastSequence, OptionalLong checkpointSequence,
                                List<ChainFinding> findings) {
    /**
     * Checks the parts and copies the findings.
     *
     * @param eventsChecked the events checked
     * @param lastSequence the highest sequence
     * @param checkpointSequence the checkpoint's sequence
     * @param findings the findings
     */
    public AuditVerification {
        Objects.requireNonNull(checkpointSequence, "checkpointSequence");
        findings = List.copyOf(findings);
    }

    /**
     * Whether the chain is intact and anchored: nothing was found wrong and it was checked
     * against a checkpoint whose signature holds (or the chain is empty).
     *
     * @return true when the audit trail verifies
     */
    public boolean ok() {
        return findings.isEmpty() && (checkpointSequence.isPresent() || lastSequence == 0);
    }
}
