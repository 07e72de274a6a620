package org.medcoord.core.audit.internal;

import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.KeyProvider.KeyId;

/**
 * One thing a {@link ChainVerifier} found wrong with a stored audit chain. Sequence numbers are
 * those the events had when they were appended, so a finding points at the original event.
 */
public sealed interface AuditFinding {

    /**
     * The lowest sequence number the finding concerns, which orders the findings of a report.
     *
     * @return the sequence number
     */
    long firstSequence();

    /**
     * One sentence for a person, naming sequence numbers only.
     *
     * @return the description
     */
    String describe();

    /**
     * The event with this sequence number was changed after it was appended: a field of its
     * record, its sequence number, its previous hash or its own hash. This covers an event
     * changed and then re-hashed, which no longer matches the hash its successor recorded.
     *
     * @param sequence the event
     */
    record Altered(long sequence) implements AuditFinding {
        @Override
        public long firstSequence() {
            return sequence;
        }

        @Override
        public String describe() {
            return "event " + sequence + " was altered";
        }
    }

    /**
     * The events {@code first} to {@code last}, inclusive, are missing from within the chain.
     *
     * @param first the first missing sequence
     * @param last the last missing sequence, {@code first} when one event is missing
     */
    record Removed(long first, long last) implements AuditFinding {
        @Override
        public long firstSequence() {
            return first;
        }

        /**
         * How many events are missing.
         *
         * @return {@code last - first + 1}
         */
        public long count() {
            return last - first + 1;
        }

        @Override
        public String describe() {
            return first == last ? "event " + first + " was removed" : "events " + first + " to " + last + " were removed";
        }
    }

    /**
     * The events with these sequence numbers changed places.
     *
     * @param first the lower sequence
     * @param second the higher sequence
     */
    record Swapped(long first, long second) implements AuditFinding {
        @Override
        public long firstSequence() {
            return first;
        }

        @Override
        public String describe() {
            return "events " + first + " and " + second + " were swapped";
        }
    }

    /**
     * The chain ends before the sequence a trusted checkpoint vouches for: its tail was removed.
     *
     * @param lastFound the highest sequence found, {@code 0} when no event was found
     * @param checkpointSequence the head sequence of the checkpoint
     */
    record Truncated(long lastFound, long checkpointSequence) implements AuditFinding {
        @Override
        public long firstSequence() {
            return lastFound + 1;
        }

        @Override
        public String describe() {
            return "the chain ends at event " + lastFound + " but the checkpoint vouches for event "
                    + checkpointSequence + ": events " + (lastFound + 1) + " to " + checkpointSequence + " were removed";
        }
    }

    /**
     * The event at the checkpoint's sequence does not have the hash the checkpoint signed, though
     * the chain up to it links up: the chain up to that event was rewritten and re-hashed.
     *
     * @param checkpointSequence the checkpoint's head sequence
     */
    record HeadMismatch(long checkpointSequence) implements AuditFinding {
        @Override
        public long firstSequence() {
            return checkpointSequence;
        }

        @Override
        public String describe() {
            return "event " + checkpointSequence + " does not have the hash the checkpoint signed: "
                    + "the chain up to it was rewritten";
        }
    }

    /**
     * The checkpoint's signature does not hold, so it was not used: a truncated tail or a
     * rewritten chain cannot be ruled out.
     *
     * @param checkpointSequence the sequence the checkpoint claims
     * @param keyId the key it names
     * @param status why it does not hold
     */
    record BadCheckpoint(long checkpointSequence, KeyId keyId, Checkpoint.Status status) implements AuditFinding {
        @Override
        public long firstSequence() {
            return checkpointSequence;
        }

        @Override
        public String describe() {
            return "the checkpoint for event " + checkpointSequence + " signed with key " + keyId + " is not valid: "
                    + (status == Checkpoint.Status.UNKNOWN_KEY ? "unknown key" : "bad signature");
        }
    }

    /**
     * The chain does not link into the event read back with this sequence number, and no single
     * alteration, removal or swap explains it: for example events moved around or inserted.
     *
     * @param sequence the stored sequence number of the event after the break
     */
    record Broken(long sequence) implements AuditFinding {
        @Override
        public long firstSequence() {
            return sequence;
        }

        @Override
        public String describe() {
            return "the chain is broken before event " + sequence;
        }
    }

    /**
     * Too much was wrong to itemize: from this sequence on, the verifier checked every event but
     * only counted those that failed.
     *
     * @param fromSequence the first sequence not itemized
     * @param failedEvents how many events from there on failed a check
     */
    record Overflow(long fromSequence, long failedEvents) implements AuditFinding {
        @Override
        public long firstSequence() {
            return fromSequence;
        }

        @Override
        public String describe() {
            return failedEvents + " more events from event " + fromSequence + " on failed a check";
        }
    }
}
