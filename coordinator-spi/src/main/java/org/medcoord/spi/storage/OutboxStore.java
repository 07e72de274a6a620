package org.medcoord.spi.storage;

import java.util.List;

/**
 * The transactional outbox.
 *
 * <p><b>Implementation requirements.</b> {@link #pending} returns undelivered records in append
 * order. A record appended in a transaction that rolls back never appears.
 *
 * @since 0.1
 */
public interface OutboxStore {
    /**
     * Appends a record.
     *
     * @param record the record
     */
    void append(OutboxRecord record);

    /**
     * Undelivered records, oldest first.
     *
     * @param limit the most to return
     * @return the records
     */
    List<OutboxRecord> pending(int limit);

    /**
     * Marks a record delivered. Marking an unknown or delivered record does nothing.
     *
     * @param eventId the event id
     */
    void markDelivered(String eventId);
}
