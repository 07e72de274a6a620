package org.medcoord.api.audit;

import java.util.Objects;

/**
 * One thing the verification of the audit trail found wrong. Each kind of tampering has a
 * finding of its own, naming sequence numbers of events (those they had when they were sealed,
 * so a finding points at the original event) and indexes of checkpoints, never the contents of a
 * record.
 *
 * @since 0.1
 */
public sealed interface ChainFinding {
    /**
     * The kinds of finding, for hosts that switch over them.
     *
     * @since 0.1
     */
    enum Kind {
        /** An event was changed after it was sealed: a field, its sequence or a hash. */
        ALTERED_EVENT,
        /** Events are missing from within the chain. */
        REMOVED_EVENTS,
        /** Two events changed places. */
        REORDERED_EVENTS,
        /** The chain ends before an event a checkpoint vouches for: its tail was cut off. */
        TRUNCATED_TAIL,
        /** A stored checkpoint's signature does not hold: it was changed or forged. */
        BAD_CHECKPOINT_SIGNATURE,
        /** A checkpoint's signature holds but the chain has another hash at its sequence: rewritten. */
        CHECKPOINT_HEAD_MISMATCH,
        /** Checkpoints are missing from the chain of checkpoints, or one was replaced. */
        MISSING_CHECKPOINTS,
        /** A witness holds a newer checkpoint than the store: the store was rolled back. */
        ROLLED_BACK,
        /** A checkpoint names a key the key provider does not know: it cannot be verified. */
        UNKNOWN_KEY,
        /** The chain breaks in a way no single change explains. */
        BROKEN_CHAIN,
        /** Too much was wrong to itemize. */
        TOO_MANY_FINDINGS
    }

    /**
     * What kind of finding this is.
     *
     * @return the kind
     */
    Kind kind();

    /**
     * The lowest event sequence number the finding concerns, which orders the findings of a
     * report.
     *
     * @return the sequence number
     */
    long firstSequence();

    /**
     * The highest event sequence number the finding concerns; equal to {@link #firstSequence()}
     * for a single event.
     *
     * @return the sequence number
     */
    long lastSequence();

    /**
     * One sentence for a person, naming sequence numbers, checkpoint indexes, key ids and
     * witness ids only.
     *
     * @return the description
     */
    String description();

    /**
     * The event with this sequence number was changed after it was sealed: a field of its record,
     * its sequence number, its previous hash or its own hash. This covers an event changed and
     * then re-hashed, which no longer matches the hash its successor recorded.
     *
     * @param sequence the event
     * @since 0.1
     */
    record AlteredEvent(long sequence) implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.ALTERED_EVENT;
        }

        @Override
        public long firstSequence() {
            return sequence;
        }

        @Override
        public long lastSequence() {
            return sequence;
        }

        @Override
        public String description() {
            return "event " + sequence + " was altered";
        }
    }

    /**
     * The events {@code first} to {@code last}, inclusive, are missing from within the chain.
     *
     * @param first the first missing sequence
     * @param last the last missing sequence, {@code first} when one event is missing
     * @since 0.1
     */
    record RemovedEvents(long first, long last) implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.REMOVED_EVENTS;
        }

        @Override
        public long firstSequence() {
            return first;
        }

        @Override
        public long lastSequence() {
            return last;
        }

        @Override
        public String description() {
            return first == last ? "event " + first + " was removed" : "events " + first + " to " + last + " were removed";
        }
    }

    /**
     * The events with these sequence numbers changed places.
     *
     * @param first the lower sequence
     * @param second the higher sequence
     * @since 0.1
     */
    record ReorderedEvents(long first, long second) implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.REORDERED_EVENTS;
        }

        @Override
        public long firstSequence() {
            return first;
        }

        @Override
        public long lastSequence() {
            return second;
        }

        @Override
        public String description() {
            return "events " + first + " and " + second + " were reordered";
        }
    }

    /**
     * The chain ends before the event a checkpoint whose signature holds vouches for: events
     * {@code lastFound + 1} to {@code vouchedSequence} were cut off.
     *
     * @param lastFound the highest sequence found, {@code 0} when no event was found
     * @param vouchedSequence the head sequence of the checkpoint
     * @param checkpoint the index of that checkpoint
     * @since 0.1
     */
    record TruncatedTail(long lastFound, long vouchedSequence, long checkpoint) implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.TRUNCATED_TAIL;
        }

        @Override
        public long firstSequence() {
            return lastFound + 1;
        }

        @Override
        public long lastSequence() {
            return vouchedSequence;
        }

        @Override
        public String description() {
            return "the chain ends at event " + lastFound + " but checkpoint " + checkpoint + " vouches for event "
                    + vouchedSequence + ": events " + (lastFound + 1) + " to " + vouchedSequence + " were removed";
        }
    }

    /**
     * A checkpoint's signature does not hold under the key it names: the checkpoint or its
     * signature was changed, or it was forged. It vouches for nothing.
     *
     * @param checkpoint the checkpoint's index as read
     * @param sequence the sequence it claims
     * @param keyId the key it names
     * @param heldBy where it was read: {@code store}, or the id of the witness that holds it
     * @since 0.1
     */
    record BadCheckpointSignature(long checkpoint, long sequence, String keyId, String heldBy)
            implements ChainFinding {
        /**
         * Checks the parts are present.
         *
         * @param checkpoint the index
         * @param sequence the sequence
         * @param keyId the key id
         * @param heldBy where it was read
         */
        public BadCheckpointSignature {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(heldBy, "heldBy");
        }

        @Override
        public Kind kind() {
            return Kind.BAD_CHECKPOINT_SIGNATURE;
        }

        @Override
        public long firstSequence() {
            return sequence;
        }

        @Override
        public long lastSequence() {
            return sequence;
        }

        @Override
        public String description() {
            return "checkpoint " + checkpoint + " for event " + sequence + " (" + heldBy + ") does not verify under "
                    + "key " + keyId + ": it was changed or forged";
        }
    }

    /**
     * A checkpoint's signature holds, but the event at its sequence has another hash, while the
     * chain up to it links up: the chain up to that event was rewritten and re-hashed.
     *
     * @param checkpoint the checkpoint's index
     * @param sequence its head sequence
     * @since 0.1
     */
    record CheckpointHeadMismatch(long checkpoint, long sequence) implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.CHECKPOINT_HEAD_MISMATCH;
        }

        @Override
        public long firstSequence() {
            return sequence;
        }

        @Override
        public long lastSequence() {
            return sequence;
        }

        @Override
        public String description() {
            return "event " + sequence + " does not have the hash checkpoint " + checkpoint
                    + " signed: the chain up to it was rewritten";
        }
    }

    /**
     * Checkpoints {@code first} to {@code last} are missing from the chain of checkpoints (a
     * checkpoint names the digest of one that is not stored); when {@code first > last}, no index
     * is missing but checkpoint {@code first} does not name the one stored before it, so that one
     * was replaced. The missing checkpoints vouched for events after {@code afterSequence} and up
     * to {@code beforeSequence}.
     *
     * @param first the first missing index
     * @param last the last missing index
     * @param afterSequence the sequence of the stored checkpoint before the gap, {@code 0} if none
     * @param beforeSequence the sequence of the stored checkpoint after the gap
     * @since 0.1
     */
    record MissingCheckpoints(long first, long last, long afterSequence, long beforeSequence)
            implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.MISSING_CHECKPOINTS;
        }

        @Override
        public long firstSequence() {
            return afterSequence;
        }

        @Override
        public long lastSequence() {
            return beforeSequence;
        }

        @Override
        public String description() {
            if (first > last) {
                return "checkpoint " + first + " does not follow the checkpoint stored before it: that one was replaced";
            }
            return (first == last ? "checkpoint " + first + " is" : "checkpoints " + first + " to " + last + " are")
                    + " missing (they vouched for events after " + afterSequence + " up to " + beforeSequence + ")";
        }
    }

    /**
     * A witness holds a checkpoint, with a valid signature, that the store does not: the store
     * was rolled back or restored from an older copy (its newest checkpoint is older), or it was
     * rolled back and then went on differently (it holds another checkpoint at that index).
     *
     * @param witness the witness's id
     * @param witnessedCheckpoint the index of the witness's newest checkpoint
     * @param witnessedSequence the event sequence it vouches for
     * @param storedCheckpoint the index of the store's newest checkpoint, {@code 0} when none
     * @param storedSequence the event sequence that one vouches for, {@code 0} when none
     * @param lastFound the highest event sequence found in the store
     * @since 0.1
     */
    record RolledBack(String witness, long witnessedCheckpoint, long witnessedSequence, long storedCheckpoint,
                      long storedSequence, long lastFound) implements ChainFinding {
        /**
         * Checks the witness id is present.
         *
         * @param witness the witness
         * @param witnessedCheckpoint the witnessed index
         * @param witnessedSequence the witnessed sequence
         * @param storedCheckpoint the stored index
         * @param storedSequence the stored sequence
         * @param lastFound the last sequence found
         */
        public RolledBack {
            Objects.requireNonNull(witness, "witness");
        }

        @Override
        public Kind kind() {
            return Kind.ROLLED_BACK;
        }

        @Override
        public long firstSequence() {
            return Math.min(storedSequence, lastFound) + 1;
        }

        @Override
        public long lastSequence() {
            return witnessedSequence;
        }

        @Override
        public String description() {
            String stored = storedCheckpoint == 0 ? "no checkpoint"
                    : "checkpoint " + storedCheckpoint + " (event " + storedSequence + ")";
            return "witness " + witness + " holds checkpoint " + witnessedCheckpoint + " for event " + witnessedSequence
                    + " but the store's newest is " + stored + " and its chain ends at event " + lastFound
                    + ": the store was rolled back";
        }
    }

    /**
     * A checkpoint names a key the key provider does not know, so it cannot be verified and
     * vouches for nothing: for example a key generated in memory by an earlier process, or a
     * retired key the provider no longer holds.
     *
     * @param checkpoint the checkpoint's index
     * @param sequence the sequence it claims
     * @param keyId the key it names
     * @since 0.1
     */
    record UnknownKey(long checkpoint, long sequence, String keyId) implements ChainFinding {
        /**
         * Checks the key id is present.
         *
         * @param checkpoint the index
         * @param sequence the sequence
         * @param keyId the key id
         */
        public UnknownKey {
            Objects.requireNonNull(keyId, "keyId");
        }

        @Override
        public Kind kind() {
            return Kind.UNKNOWN_KEY;
        }

        @Override
        public long firstSequence() {
            return sequence;
        }

        @Override
        public long lastSequence() {
            return sequence;
        }

        @Override
        public String description() {
            return "checkpoint " + checkpoint + " for event " + sequence + " was signed with key " + keyId
                    + ", which the key provider does not know: it is unverifiable";
        }
    }

    /**
     * The chain does not link into the event read back with this sequence number, and no single
     * alteration, removal or reordering explains it: for example events inserted.
     *
     * @param sequence the stored sequence number of the event after the break
     * @since 0.1
     */
    record BrokenChain(long sequence) implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.BROKEN_CHAIN;
        }

        @Override
        public long firstSequence() {
            return sequence;
        }

        @Override
        public long lastSequence() {
            return sequence;
        }

        @Override
        public String description() {
            return "the chain is broken before event " + sequence;
        }
    }

    /**
     * Too much was wrong to itemize: from this sequence on, the verifier checked every event but
     * only counted those that failed.
     *
     * @param fromSequence the first sequence not itemized
     * @param failedEvents how many events from there on failed a check
     * @since 0.1
     */
    record TooManyFindings(long fromSequence, long failedEvents) implements ChainFinding {
        @Override
        public Kind kind() {
            return Kind.TOO_MANY_FINDINGS;
        }

        @Override
        public long firstSequence() {
            return fromSequence;
        }

        @Override
        public long lastSequence() {
            return fromSequence;
        }

        @Override
        public String description() {
            return failedEvents + " more events from event " + fromSequence + " on failed a check";
        }
    }
}
