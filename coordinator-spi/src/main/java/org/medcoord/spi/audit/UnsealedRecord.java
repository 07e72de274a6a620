package org.medcoord.spi.audit;

import java.util.Objects;
import org.medcoord.api.audit.AuditRecord;

/**
 * An audit record appended but not yet sealed into the chain, with the key the store gave it.
 *
 * @param key the store's key for the record, unique within the store; opaque to the core, which
 *     hands it back to {@link org.medcoord.spi.storage.AuditStore#seal}
 * @param record the record as appended
 * @since 0.1
 */
public record UnsealedRecord(long key, AuditRecord record) {
    /**
     * Checks the record is present.
     *
     * @param key the key
     * @param record the record
     */
    public UnsealedRecord {
        Objects.requireNonNull(record, "record");
    }
}
