package org.medcoord.spi.audit;

import java.util.Optional;

/**
 * Keeps signed audit checkpoints outside the database that holds the audit trail, so that a
 * store truncated, rolled back or restored from an older backup, checkpoints and all, is still
 * detected: the verifier compares the stored chain with the newest checkpoint the witness has
 * seen. This is the role the witnesses and monitors of Certificate Transparency (RFC 9162) play
 * for a log's signed tree heads.
 *
 * <p>The coordinator hands every checkpoint to every witness after the transaction that stored it
 * has committed, in index order; a witness that was unreachable is offered the checkpoints it
 * missed on a later pass. A witness is only as independent as where it keeps its copy: a file on
 * the database's own disk does not survive the loss of that disk, and anyone who can rewrite both
 * can hide a rollback.
 *
 * <p><b>Implementation requirements.</b> Thread safe. {@link #witness} is durable when it returns
 * (for a file: written and forced to the device). The witness only moves forward: a checkpoint
 * with an index below the newest it holds, or with the newest's index but other contents, is
 * refused with a {@link org.medcoord.api.common.ConflictException} (codes
 * {@code witness-regression} and {@code witness-fork}) and changes nothing; the checkpoint it
 * already holds as newest is accepted again without effect, so a retried hand-over is harmless.
 * Indexes may skip (a witness need not hold every checkpoint). {@link #newest()} answers what was
 * witnessed before, also by an earlier process when the witness is durable; a witness that holds
 * nothing answers empty. A witness does not check signatures; the verifier does. Failures to
 * reach the witness's medium are {@link org.medcoord.api.common.AdapterException}s naming the
 * witness, never a checkpoint's contents beyond its index and sequence.
 *
 * @since 0.1
 */
public interface CheckpointWitness {
    /**
     * A stable id for reports and logs, for example {@code file:audit-witness}; unique among the
     * witnesses of one coordinator.
     *
     * @return the id
     */
    String id();

    /**
     * Records a checkpoint as the newest seen.
     *
     * @param checkpoint the checkpoint, signed and stored
     */
    void witness(Checkpoint checkpoint);

    /**
     * The newest checkpoint witnessed.
     *
     * @return the checkpoint with the highest index seen, or empty when none
     */
    Optional<Checkpoint> newest();
}
