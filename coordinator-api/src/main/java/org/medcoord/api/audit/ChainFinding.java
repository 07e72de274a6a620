package org.medcoord.api.audit;

import java.util.Objects;

/**
 * One thing the verification of the audit chain found wrong. Sequence numbers are those the
 * events had when they were sealed, so a finding points at the original event.
 *
 * @param kind what was found
 * @param firstSequence the first sequence number concerned
 * @param lastSequence the last sequence number concerned; equal to {@code firstSequence} for
 *     a single event; for {@link Kind#SWAPPED} the other event of the pair
 * @param description one sentence for a person, naming sequence numbers only
 * @since 0.1
 */
public record ChainFinding(Kind kind, long firstSequence, long lastSequence, String description) {
    /**
     * What a finding is about.
     *
     * @since 0.1
     */
    public enum Kind {
        /** An event was changed after it was sealed: a field, its sequence or a hash. */
        ALTERED,
        /** Events from {@code firstSequence} to {@code lastSequence} are missing within the chain. */
        REMOVED,
        /** The events {@code firstSequence} and {@code lastSequence} changed places. */
        SWAPPED,
        /** The chain ends before the signed checkpoint: events {@code firstSequence} to {@code lastSequence} were cut off. */
        TRUNCATED,
        /** The chain links up to the checkpoint's event but not to the hash it signed: it was rewritten. */
        HEAD_MISMATCH,
        /** The newest checkpoint's signature does not hold or its key is unknown; it was not used. */
        BAD_CHECKPOINT,
        /** The chain breaks before {@code firstSequence} in a way no single change explains. */
        BROKEN,
        /** Too much was wrong to itemize from {@code firstSequence} on; {@code lastSequence} counts the failures. */
        OVERFLOW
    }

    /**
     * Checks the parts are present.
     *
     * @param kind the kind
     * @param firstSequence the first sequence
     * @param lastSequence the last sequence
     * @param description the description
     */
    public ChainFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
