package org.medcoord.core.audit.internal;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@link ChainVerifier} found.
 *
 * @param eventsChecked how many events were read
 * @param lastSequence the highest sequence found, {@code 0} when none
 * @param checkpointSequence the sequence a checkpoint with a valid signature vouches for; empty
 *     when no checkpoint was given or its signature does not hold
 * @param findings what is wrong, ordered by sequence; empty for an intact chain
 */
public record VerificationReport(long eventsChecked, long lastSequence, OptionalLong checkpointSequence,
                                 List<AuditFinding> findings) {
    /**
     * Checks the parts are present and copies the findings.
     *
     * @param eventsChecked the events read
     * @param lastSequence the highest sequence
     * @param checkpointSequence the trusted checkpoint's sequence
     * @param findings the findings
     */
    public VerificationReport {
        Objects.requireNonNull(checkpointSequence, "checkpointSequence");
        findings = List.copyOf(findings);
    }

    /**
     * Whether nothing was found wrong. Without a trusted checkpoint this says only that the
     * chain links up, not that its tail is complete; see {@link #anchored()}.
     *
     * @return true when there are no findings
     */
    public boolean intact() {
        return findings.isEmpty();
    }

    /**
     * Whether the chain was checked against a checkpoint whose signature holds.
     *
     * @return true when {@link #checkpointSequence()} is present
     */
    public boolean anchored() {
        return checkpointSequence.isPresent();
    }
}
