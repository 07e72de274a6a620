package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox.
 *
 * <p><b>Implementation requirements.</b> A record appended in a transaction that rolls back never
 * appears. A new record is due at once ({@code nextAttemptAt} is its {@code occurredAt}) with
 * zero attempts. Appending an event id twice throws
 * {@link org.medcoord.api.common.ConflictException} with code {@code outbox-event-exists}.
 * {@link #claimDue} must let several dispatchers run at once, in this process or others, without
 * handing the same record to two of them while the first one's transaction is open (PostgreSQL:
 * {@code FOR UPDATE SKIP LOCKED}; a store with one global writer gets this for free). Lists are
 * oldest first (append order); a negative limit throws {@link IllegalArgumentException}.
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
     * Undelivered records that are not parked, due or not.
     *
     * @param limit the most to return
     * @return the records, oldest first
     */
    List<OutboxRecord> pending(int limit);

    /**
     * Claims undelivered, unparked records due at {@code now} for delivery in this transaction.
     * Records another open transaction has claimed are skipped, not waited for.
     *
     * @param now the current time
     * @param limit the most to claim
     * @return the claimed records, oldest first
     */
    List<PendingEvent> claimDue(Instant now, int limit);

    /**
     * Marks a record delivered. Marking an unknown or delivered record does nothing.
     *
     * @param eventId the event id
     */
    void markDelivered(String eventId);

    /**
     * Records a failed delivery and when to try again.
     *
     * @param eventId the event id
     * @param attempts the failed attempts so far
     * @param nextAttemptAt when it is due again
     * @param errorCode a short code for the failure, never patient data
     */
    void retryLater(String eventId, int attempts, Instant nextAttemptAt, String errorCode);

    /**
     * Stops retrying a record; it stays stored and visible through {@link #parked}.
     *
     * @param eventId the event id
     * @param attempts the failed attempts
     * @param errorCode a short code for the last failure
     */
    void park(String eventId, int attempts, String errorCode);

    /**
     * Parked records.
     *
     * @param limit the most to return
     * @return the records with their state, oldest first
     */
    List<PendingEvent> parked(int limit);
}
