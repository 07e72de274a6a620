package org.medcoord.spi.testkit;

import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;

/**
 * Changes an adapter's stored audit rows behind its back, the way someone with write access to the
 * database would (SQL for a database), for the {@link AuditTamperContract}. Each method changes
 * stored rows only: no chain head, no journal, no cache of the adapter is kept in step.
 *
 * @since 0.1
 */
public interface AuditTampering {
    /**
     * Overwrites every stored field of the sealed event with the given sequence number: its
     * record, previous hash and hash (the sequence number stays).
     *
     * @param event the new contents, at the sequence of the event to overwrite
     */
    void replaceEvent(ChainedEvent event);

    /**
     * Deletes the sealed events with sequence numbers from {@code first} to {@code last}.
     *
     * @param first the first sequence, inclusive
     * @param last the last sequence, inclusive
     */
    void removeEvents(long first, long last);

    /**
     * Overwrites every stored field of the checkpoint with the given index.
     *
     * @param checkpoint the new contents, at the index of the checkpoint to overwrite
     */
    void replaceCheckpoint(Checkpoint checkpoint);

    /**
     * Deletes the checkpoints with indexes from {@code first} to {@code last}.
     *
     * @param first the first index, inclusive
     * @param last the last index, inclusive
     */
    void removeCheckpoints(long first, long last);
}
