package org.medcoord.spi.audit;

import java.util.Objects;
import org.medcoord.api.audit.AuditRecord;

/**
 * An audit record in its place in the chain: its sequence number, the hash of the event before
 * it and its own hash over both and the record .
 * This is what a store keeps and reads back; a verifier trusts none of it. The bytes hashed are
 * MedCoord's canonical encoding of the event (version 2), computed by the core.
 *
 * @param sequence the position in the chain, {@value #FIRST_SEQUENCE} for the first event
 * @param record the audit record
 * @param previousHash the hash of the event before, {@link ChainHash#GENESIS} for the first
 * @param hash this event's hash
 * @since 0.1
 */
public record ChainedEvent(long sequence, AuditRecord record, ChainHash previousHash, ChainHash hash) {
    /** The sequence number of the first event in every chain. */
    public static final long FIRST_SEQUENCE = 1;

    /**
     * Checks the parts are present.
     *
     * @param sequence the sequence number
     * @param record the record
     * @param previousHash the previous hash
     * @param hash the hash
     */
    public ChainedEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
