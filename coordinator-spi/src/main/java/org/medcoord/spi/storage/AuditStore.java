package org.medcoord.spi.storage;

import java.util.List;
import org.medcoord.api.audit.AuditRecord;

/**
 * The audit trail. Append-only.
 *
 * <p><b>Implementation requirements.</b> Records are kept in append order and never changed. An
 * append in a transaction that rolls back never appears.
 *
 * @since 0.1
 */
public interface AuditStore {
    /**
     * Appends a record.
     *
     * @param record the record
     */
    void append(AuditRecord record);

    /**
     * Every record, oldest first.
     *
     * @return the records
     */
    List<AuditRecord> all();
}
