package org.medcoord.core.audit.internal;

import java.util.Objects;
import org.medcoord.api.audit.AuditRecord;

/**
 * An audit record in its place in the chain: its sequence number, the hash of the event before
 * it and its own hash over both and the record (see {@link ChainEncoding} for the bytes hashed).
 * This is what a store keeps and reads back; a verifier trusts none of it.
 *
 * @param sequence the position in the chain, {@value AuditChain#FIRST_SEQUENCE} for the first event
 * @param record the audit record
 * @param previousHash the hash of the event before, {@link ChainHash#GENESIS} for the first
 * @param hash this event's hash
 */
public record ChainedEvent(long sequence, AuditRecord record, ChainHash previousHash, ChainHash hash) {
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
