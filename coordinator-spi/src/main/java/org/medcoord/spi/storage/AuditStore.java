package org.medcoord.spi.storage;

import java.util.List;
import java.util.Optional;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.spi.audit.AuditQuery;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.SealedRecord;
import org.medcoord.spi.audit.UnsealedRecord;

/**
 * The audit trail and its hash chain.
 *
 * <p>Audited calls {@link #append(AuditRecord) append} a record in the transaction of their work:
 * one insert, with no shared row to update, so concurrent transactions do not wait on each other
 * for the audit. Later, a sealer in the core takes the {@link #unsealed(int) unsealed} records,
 * numbers and hashes them into the chain, and {@link #seal(List) seals} them, holding the
 * {@link #lockHead() chain head} so that only one sealer works at a time, even across processes.
 * Periodically it stores a signed {@link Checkpoint}, each naming the one before it. Verification
 * reads the sealed events and every stored checkpoint; compliance queries read the sealed events.
 *
 * <p><b>Implementation requirements.</b> Records are kept in append order and never changed,
 * except that sealing attaches the chain fields once. An append in a transaction that rolls back
 * never appears; a record whose transaction has not committed is not returned by
 * {@link #unsealed(int)} to other transactions, and is simply sealed in a later pass.
 * {@link #lockHead()} blocks until any other transaction that holds the head ends (a row lock such
 * as {@code SELECT ... FOR UPDATE} in SQL). Sealed events come back exactly as stored, including
 * any change made to the stored rows behind the adapter's back: the verifier, not the store,
 * decides what is intact, so a store must not repair, skip or reject rows it reads back (a row that
 * no longer decodes at all is an {@link org.medcoord.api.common.AdapterException}). Methods that
 * return nothing found return empty lists or {@link Optional#empty()}, never {@code null}.
 *
 * @since 0.1
 */
public interface AuditStore {
    /**
     * Appends a record, unsealed.
     *
     * @param record the record
     */
    void append(AuditRecord record);

    /**
     * Every record, sealed or not, in append order: the sealed records in chain order, then the
     * unsealed ones in the order {@link #unsealed(int)} returns them.
     *
     * @return the records
     */
    List<AuditRecord> all();

    /**
     * Locks the chain head until this transaction ends and returns it. A second transaction that
     * calls this waits for the first to end.
     *
     * @return the head, {@link ChainHead#EMPTY} before the first seal
     */
    ChainHead lockHead();

    /**
     * The oldest records not yet sealed, in append order (the order they will be sealed in).
     *
     * @param limit the most to return, at least 0
     * @return the records with their keys
     */
    List<UnsealedRecord> unsealed(int limit);

    /**
     * Seals records into the chain and moves the head to the last of them. Called after
     * {@link #lockHead()} in the same transaction, with events numbered on from the head.
     *
     * @param sealed the records with their chain fields, in sequence order
     * @throws org.medcoord.api.common.ConflictException {@code audit-chain-sequence-taken} when a
     *     sequence number is sealed already, {@code audit-record-sealed} when a record is
     */
    void seal(List<SealedRecord> sealed);

    /**
     * Sealed events in sequence order, starting at a sequence number.
     *
     * @param fromSequence the lowest sequence to return
     * @param limit the most to return, at least 0
     * @return the events, as stored
     */
    List<ChainedEvent> chain(long fromSequence, int limit);

    /**
     * Sealed events that match a query, in sequence order.
     *
     * @param query the criteria
     * @return the events
     */
    List<ChainedEvent> find(AuditQuery query);

    /**
     * Stores a checkpoint.
     *
     * @param checkpoint the checkpoint
     * @throws org.medcoord.api.common.ConflictException {@code audit-checkpoint-index-taken} when a
     *     checkpoint with its index is stored already
     */
    void addCheckpoint(Checkpoint checkpoint);

    /**
     * The stored checkpoints in index order, from an index on, exactly as stored: a checkpoint
     * changed behind the adapter's back comes back changed, and a removed one is simply absent.
     *
     * @param fromIndex the lowest index to return
     * @param limit the most to return, at least 0
     * @return the checkpoints
     * @since 0.1
     */
    List<Checkpoint> checkpoints(long fromIndex, int limit);

    /**
     * The checkpoint with the highest index.
     *
     * @return the newest checkpoint, or empty when none was stored
     */
    Optional<Checkpoint> latestCheckpoint();

    /**
     * The high-water mark of an audit sink: the sequence of the last event it accepted.
     *
     * @param sinkId the sink's id
     * @return the mark, {@code 0} when none is stored
     */
    long sinkMark(String sinkId);

    /**
     * Stores the high-water mark of an audit sink, replacing the one stored.
     *
     * @param sinkId the sink's id
     * @param sequence the sequence of the last event the sink accepted
     */
    void setSinkMark(String sinkId, long sequence);
}
