package org.medcoord.core.audit.internal;

import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.core.audit.internal.LargeChain.EVENTS;
import static org.medcoord.core.audit.internal.LargeChain.HEAD;
import static org.medcoord.core.audit.internal.LargeChain.SIZE;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcoord.api.audit.ChainFinding.AlteredEvent;
import org.medcoord.api.audit.ChainFinding.CheckpointHeadMismatch;
import org.medcoord.api.audit.ChainFinding.RemovedEvents;
import org.medcoord.api.audit.ChainFinding.ReorderedEvents;
import org.medcoord.api.audit.ChainFinding.TruncatedTail;
import org.medcoord.core.audit.internal.Tampering.SwapKind;
import org.medcoord.spi.audit.ChainedEvent;

/** Every kind of single tampering, at the start, the middle and the end of a 100,000-event chain. */
class LargeChainTamperTest {
    private static final int[] PLACES = {0, 1, SIZE / 2, SIZE - 1};

    private final ChainVerifier verifier = new ChainVerifier(LargeChain.KEYS);
    private final SplittableRandom random = new SplittableRandom(4);

    private List<ChainFinding> findings(List<ChainedEvent> events) {
        return verifier.verify(events, List.of(HEAD)).findings();
    }

    @Test
    void the_untouched_chain_verifies() {
        AuditVerification report = verifier.verify(EVENTS, List.of(HEAD));

        assertThat(report.ok()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(SIZE);
        assertThat(report.vouchedThrough()).hasValue(SIZE);
    }

    @ParameterizedTest
    @EnumSource(AuditFixtures.Field.class)
    void each_record_field_changed_anywhere_is_named(AuditFixtures.Field field) {
        for (int index : new int[] {0, SIZE / 2, SIZE - 1}) {
            assertThat(findings(Tampering.alterField(EVENTS, index, field, random)))
                    .as("%s of event %d", field, index + 1).containsExactly(new AlteredEvent(index + 1));
        }
    }

    @Test
    void stored_sequence_numbers_and_hashes_changed_anywhere_are_named() {
        for (int index : PLACES) {
            long sequence = index + 1;
            assertThat(findings(Tampering.setSequence(EVENTS, index, sequence + 7))).containsExactly(new AlteredEvent(sequence));
            assertThat(findings(Tampering.setSequence(EVENTS, index, sequence - 1))).containsExactly(new AlteredEvent(sequence));
            assertThat(findings(Tampering.setPreviousHash(EVENTS, index, Tampering.randomHash(random))))
                    .containsExactly(new AlteredEvent(sequence));
            assertThat(findings(Tampering.setHash(EVENTS, index, Tampering.randomHash(random))))
                    .containsExactly(new AlteredEvent(sequence));
            assertThat(findings(Tampering.setPreviousHashAndRehash(EVENTS, index, Tampering.randomHash(random))))
                    .containsExactly(new AlteredEvent(sequence));
            assertThat(findings(Tampering.alterAndRehash(EVENTS, index, AuditFixtures.Field.ENTITIES, random)))
                    .containsExactly(index == SIZE - 1 ? new CheckpointHeadMismatch(1, SIZE) : new AlteredEvent(sequence));
        }
    }

    @Test
    void removed_events_anywhere_are_named() {
        assertThat(findings(Tampering.remove(EVENTS, 0, 1))).containsExactly(new RemovedEvents(1, 1));
        assertThat(findings(Tampering.remove(EVENTS, 1, 2))).containsExactly(new RemovedEvents(2, 2));
        assertThat(findings(Tampering.remove(EVENTS, SIZE / 2, SIZE / 2 + 1))).containsExactly(new RemovedEvents(SIZE / 2 + 1, SIZE / 2 + 1));
        assertThat(findings(Tampering.remove(EVENTS, SIZE - 2, SIZE - 1))).containsExactly(new RemovedEvents(SIZE - 1, SIZE - 1));
        assertThat(findings(Tampering.remove(EVENTS, 0, 1000))).containsExactly(new RemovedEvents(1, 1000));
        assertThat(findings(Tampering.remove(EVENTS, 300, 40_000))).containsExactly(new RemovedEvents(301, 40_000));
        assertThat(findings(Tampering.remove(EVENTS, SIZE - 1, SIZE))).containsExactly(new TruncatedTail(SIZE - 1, SIZE, 1));
    }

    @ParameterizedTest
    @EnumSource(SwapKind.class)
    void swapped_events_anywhere_are_named(SwapKind kind) {
        int[][] pairs = {{0, 1}, {0, 2}, {SIZE / 2, SIZE / 2 + 1}, {17, SIZE / 2}, {0, SIZE - 1}, {SIZE - 2, SIZE - 1}, {5, SIZE - 3}};
        for (int[] pair : pairs) {
            assertThat(findings(Tampering.swap(EVENTS, pair[0], pair[1], kind)))
                    .as("%s swap of %d and %d", kind, pair[0] + 1, pair[1] + 1)
                    .containsExactly(new ReorderedEvents(pair[0] + 1, pair[1] + 1));
        }
    }

    @Test
    void a_tail_cut_anywhere_is_named() {
        for (int keep : new int[] {0, 1, SIZE / 2, SIZE - 1}) {
            assertThat(findings(Tampering.truncate(EVENTS, keep))).containsExactly(new TruncatedTail(keep, SIZE, 1));
        }
    }
}
