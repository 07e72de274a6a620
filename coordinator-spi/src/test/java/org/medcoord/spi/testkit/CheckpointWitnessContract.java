package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider.KeyId;

/**
 * The contract of {@link CheckpointWitness}: empty at first, it answers the newest checkpoint it
 * was handed, moves only forward (an older index or another checkpoint at the newest's index is
 * refused with a typed conflict and changes nothing; the newest again is accepted without effect),
 * lets indexes skip, keeps its newest under concurrent hand-overs, and answers the same newest when
 * it is opened again.
 *
 * @since 0.1
 */
public abstract class CheckpointWitnessContract {
    private static final Instant AT = Instant.parse("2027-03-01T09:00:00Z");

    private CheckpointWitness witness;

    /** For subclasses. */
    protected CheckpointWitnessContract() {
    }

    /**
     * A fresh witness that holds nothing. Called once before each test.
     *
     * @return the witness
     */
    protected abstract CheckpointWitness newWitness();

    /**
     * The same witness opened again, as a later process would.
     *
     * @param witness the witness under test
     * @return the witness opened anew over the same medium (the same file, the same service); for a
     *     witness that lives in memory, the same object
     */
    protected abstract CheckpointWitness reopen(CheckpointWitness witness);

    /** Opens the witness for the next test. */
    @BeforeEach
    protected final void openWitness() {
        witness = newWitness();
    }

    /**
     * A checkpoint with the given index and sequence; witnesses do not check signatures.
     *
     * @param index the index
     * @param sequence the sequence
     * @param variant distinguishes checkpoints with the same index
     * @return the checkpoint
     */
    protected static Checkpoint checkpoint(long index, long sequence, int variant) {
        byte[] signature = new byte[64];
        signature[0] = (byte) index;
        signature[1] = (byte) variant;
        byte[] head = new byte[ChainHash.BYTES];
        head[0] = (byte) sequence;
        head[31] = (byte) variant;
        return new Checkpoint(index, sequence, ChainHash.of(head), ChainHash.GENESIS, AT.plusSeconds(index),
                KeyId.of("witness-test-key"), signature);
    }

    @Test
    void aNewWitnessHoldsNothingAndHasAnId() {
        assertEquals(Optional.empty(), witness.newest());
        assertFalse(witness.id() == null || witness.id().isBlank(), "a witness needs an id");
    }

    @Test
    void theNewestIsTheLastHandedOverAndIndexesMaySkip() {
        witness.witness(checkpoint(1, 10, 0));
        assertEquals(Optional.of(checkpoint(1, 10, 0)), witness.newest());
        witness.witness(checkpoint(2, 20, 0));
        witness.witness(checkpoint(5, 50, 0));
        assertEquals(Optional.of(checkpoint(5, 50, 0)), witness.newest());
    }

    @Test
    void theNewestHandedOverAgainChangesNothing() {
        witness.witness(checkpoint(1, 10, 0));
        witness.witness(checkpoint(1, 10, 0));
        assertEquals(Optional.of(checkpoint(1, 10, 0)), witness.newest());
    }

    @Test
    void anOlderCheckpointIsARegressionAndChangesNothing() {
        witness.witness(checkpoint(3, 30, 0));

        ConflictException older = assertThrows(ConflictException.class, () -> witness.witness(checkpoint(2, 20, 0)));

        assertEquals("witness-regression", older.code());
        assertEquals(Optional.of(checkpoint(3, 30, 0)), witness.newest());
    }

    @Test
    void anotherCheckpointAtTheNewestIndexIsAForkAndChangesNothing() {
        witness.witness(checkpoint(3, 30, 0));

        ConflictException fork = assertThrows(ConflictException.class, () -> witness.witness(checkpoint(3, 30, 1)));

        assertEquals("witness-fork", fork.code());
        assertEquals(Optional.of(checkpoint(3, 30, 0)), witness.newest());
    }

    @Test
    void concurrentHandOversLeaveTheHighestIndexAsNewest() {
        Concurrently.run(4, t -> {
            for (int i = 1; i <= 25; i++) {
                try {
                    witness.witness(checkpoint(4L * i + t, i, t));
                } catch (ConflictException behind) {
                    assertEquals("witness-regression", behind.code());
                }
            }
        });
        assertEquals(Optional.of(checkpoint(103, 25, 3)), witness.newest());
    }

    @Test
    void theWitnessAnswersTheSameNewestWhenOpenedAgain() {
        witness.witness(checkpoint(1, 10, 0));
        witness.witness(checkpoint(2, 20, 0));

        CheckpointWitness again = reopen(witness);

        assertEquals(Optional.of(checkpoint(2, 20, 0)), again.newest());
        assertEquals(witness.id(), again.id());
        assertThrows(ConflictException.class, () -> again.witness(checkpoint(1, 10, 0)));
        again.witness(checkpoint(3, 30, 0));
        assertEquals(Optional.of(checkpoint(3, 30, 0)), reopen(again).newest());
    }
}
