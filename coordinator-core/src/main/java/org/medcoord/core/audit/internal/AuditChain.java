package org.medcoord.core.audit.internal;

import org.medcoord.spi.audit.ChainEncoding;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import java.time.Instant;
import java.util.Optional;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.KeyProvider;

/**
 * The writing end of the hash chain: numbers each audit record, links it to the event before by
 * hash and keeps the head. Appending costs one SHA-256 over a reused buffer. Thread safe; appends
 * are serialized, as the chain has one head.
 */
public final class AuditChain {
    /** The sequence number of the first event in every chain. */
    public static final long FIRST_SEQUENCE = ChainedEvent.FIRST_SEQUENCE;

    private final ChainEncoding encoding = new ChainEncoding();
    private long headSequence;
    private ChainHash headHash;

    private AuditChain(long headSequence, ChainHash headHash) {
        this.headSequence = headSequence;
        this.headHash = headHash;
    }

    /**
     * A chain with no events yet: its first event gets sequence {@value #FIRST_SEQUENCE} and
     * the {@link ChainHash#GENESIS} previous hash.
     *
     * @return the chain
     */
    public static AuditChain empty() {
        return new AuditChain(FIRST_SEQUENCE - 1, ChainHash.GENESIS);
    }

    /**
     * A chain that continues after a stored head, for example the newest event read back at
     * start-up. The head is taken as it is; verification is the {@link ChainVerifier}'s job.
     *
     * @param head the newest event
     * @return the chain, whose next event follows {@code head}
     */
    public static AuditChain after(ChainedEvent head) {
        return new AuditChain(head.sequence(), head.hash());
    }

    /**
     * A chain that continues after a head as the store records it.
     *
     * @param head the stored head
     * @return the chain, whose next event follows {@code head}
     */
    public static AuditChain after(ChainHead head) {
        return new AuditChain(head.sequence(), head.hash());
    }

    /**
     * Appends a record.
     *
     * @param record the record
     * @return the record chained: the next sequence number, the previous head's hash and its own
     */
    public synchronized ChainedEvent append(AuditRecord record) {
        long sequence = headSequence + 1;
        ChainHash hash = encoding.hash(sequence, headHash, record);
        ChainedEvent event = new ChainedEvent(sequence, record, headHash, hash);
        headSequence = sequence;
        headHash = hash;
        return event;
    }

    /**
     * The sequence number of the newest event.
     *
     * @return the head's sequence, {@code FIRST_SEQUENCE - 1} when there is none
     */
    public synchronized long headSequence() {
        return headSequence;
    }

    /**
     * The hash of the newest event.
     *
     * @return the head's hash, {@link ChainHash#GENESIS} when there is none
     */
    public synchronized ChainHash headHash() {
        return headHash;
    }

    /**
     * Signs a checkpoint of the current head, following the newest one.
     *
     * @param previous the newest checkpoint so far, empty for the first
     * @param at the time of the checkpoint, from the coordinator's clock
     * @param keys the signing keys
     * @return the signed checkpoint
     */
    public Checkpoint checkpoint(Optional<Checkpoint> previous, Instant at, KeyProvider keys) {
        long sequence;
        ChainHash hash;
        synchronized (this) {
            sequence = headSequence;
            hash = headHash;
        }
        return Checkpoint.sign(previous, sequence, hash, at, keys);
    }
}
