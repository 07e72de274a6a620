package org.medcoord.api.audit;

import java.util.Objects;

/**
 * An audit record sealed into the tamper-evident chain, with its sequence number there, as
 * compliance queries return it.
 *
 * @param sequence the record's position in the chain, from 1
 * @param record the record
 * @since 0.1
 */
public record AuditEntry(long sequence, AuditRecord record) {
    /**
     * Checks the record is present.
     *
     * @param sequence the sequence
     * @param record the record
     */
    public AuditEntry {
        Objects.requireNonNull(record, "record");
    }
}
