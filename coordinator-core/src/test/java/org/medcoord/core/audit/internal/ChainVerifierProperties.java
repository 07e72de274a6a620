package org.medcoord.core.audit.internal;

import java.util.Optional;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.core.audit.internal.LargeChain.EVENTS;
import static org.medcoord.core.audit.internal.LargeChain.HEAD;
import static org.medcoord.core.audit.internal.LargeChain.SIZE;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.medcoord.api.audit.ChainFinding.AlteredEvent;
import org.medcoord.api.audit.ChainFinding.BadCheckpointSignature;
import org.medcoord.api.audit.ChainFinding.UnknownKey;
import org.medcoord.api.audit.ChainFinding.CheckpointHeadMismatch;
import org.medcoord.api.audit.ChainFinding.RemovedEvents;
import org.medcoord.api.audit.ChainFinding.ReorderedEvents;
import org.medcoord.api.audit.ChainFinding.TruncatedTail;
import org.medcoord.core.audit.internal.Tampering.SwapKind;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;

/**
 * Random single tamperings of a 100,000-event chain checkpointed at its head: each is detected
 * and reported as exactly one finding of the right kind with the right sequence numbers.
 */
class ChainVerifierProperties {

    /** The tamperings drawn. */
    enum Kind {
        FIELD, FIELD_REHASHED, SEQUENCE, PREVIOUS_HASH, HASH, REMOVE, REMOVE_RUN, SWAP_ADJACENT, SWAP, TRUNCATE,
        FORGED_CHECKPOINT
    }

    private final ChainVerifier verifier = new ChainVerifier(LargeChain.KEYS);

    @Example
    void an_untouched_chain_verifies() {
        assertThat(verifier.verify(EVENTS, List.of(HEAD)).ok()).isTrue();
    }

    @Property(tries = 120)
    void a_single_tampering_is_detected_and_named_precisely(
            @ForAll Kind kind,
            @ForAll @IntRange(min = 0, max = SIZE - 1) int index,
            @ForAll @IntRange(min = 0, max = SIZE - 1) int other,
            @ForAll AuditFixtures.Field field,
            @ForAll SwapKind swapKind,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long sequence = index + 1L;
        boolean last = index == SIZE - 1;
        Checkpoint checkpoint = HEAD;
        List<ChainedEvent> events;
        ChainFinding expected;
        switch (kind) {
            case FIELD -> {
                events = Tampering.alterField(EVENTS, index, field, random);
                expected = new AlteredEvent(sequence);
            }
            case FIELD_REHASHED -> {
                events = Tampering.alterAndRehash(EVENTS, index, field, random);
                expected = last ? new CheckpointHeadMismatch(1, SIZE) : new AlteredEvent(sequence);
            }
            case SEQUENCE -> {
                long changed = other + 1L == sequence ? -other : other + 1L;
                events = Tampering.setSequence(EVENTS, index, changed);
                expected = new AlteredEvent(sequence);
            }
            case PREVIOUS_HASH -> {
                events = Tampering.setPreviousHash(EVENTS, index, Tampering.randomHash(random));
                expected = new AlteredEvent(sequence);
            }
            case HASH -> {
                events = Tampering.setHash(EVENTS, index, Tampering.randomHash(random));
                expected = new AlteredEvent(sequence);
            }
            case REMOVE -> {
                events = Tampering.remove(EVENTS, index, index + 1);
                expected = last ? new TruncatedTail(SIZE - 1, SIZE, 1) : new RemovedEvents(sequence, sequence);
            }
            case REMOVE_RUN -> {
                int to = Math.min(SIZE, index + 1 + other % 500);
                events = Tampering.remove(EVENTS, index, to);
                expected = to == SIZE ? new TruncatedTail(index, SIZE, 1) : new RemovedEvents(sequence, to);
            }
            case SWAP_ADJACENT -> {
                int first = Math.min(index, SIZE - 2);
                events = Tampering.swap(EVENTS, first, first + 1, swapKind);
                expected = new ReorderedEvents(first + 1L, first + 2L);
            }
            case SWAP -> {
                int first = Math.min(index, other);
                int second = first == Math.max(index, other) ? (first + 1 + other % 1000) % SIZE : Math.max(index, other);
                events = Tampering.swap(EVENTS, Math.min(first, second), Math.max(first, second), swapKind);
                expected = new ReorderedEvents(Math.min(first, second) + 1L, Math.max(first, second) + 1L);
            }
            case TRUNCATE -> {
                events = Tampering.truncate(EVENTS, index);
                expected = new TruncatedTail(index, SIZE, 1);
            }
            case FORGED_CHECKPOINT -> {
                events = Tampering.truncate(EVENTS, index);
                checkpoint = Checkpoint.sign(Optional.empty(), index, index == 0 ? ChainHash.GENESIS : EVENTS.get(index - 1).hash(),
                        HEAD.at(), new GeneratedKeyProvider("large"));
                expected = new UnknownKey(1, index, checkpoint.keyId().value());
            }
            default -> throw new AssertionError(kind);
        }

        AuditVerification report = verifier.verify(events, List.of(checkpoint));

        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).containsExactly(expected);
    }
}
