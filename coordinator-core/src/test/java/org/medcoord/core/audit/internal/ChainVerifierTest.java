package org.medcoord.core.audit.internal;

import java.util.Optional;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcoord.api.audit.ChainFinding.AlteredEvent;
import org.medcoord.api.audit.ChainFinding.BadCheckpointSignature;
import org.medcoord.api.audit.ChainFinding.UnknownKey;
import org.medcoord.api.audit.ChainFinding.BrokenChain;
import org.medcoord.api.audit.ChainFinding.CheckpointHeadMismatch;
import org.medcoord.api.audit.ChainFinding.TooManyFindings;
import org.medcoord.api.audit.ChainFinding.RemovedEvents;
import org.medcoord.api.audit.ChainFinding.ReorderedEvents;
import org.medcoord.api.audit.ChainFinding.TruncatedTail;
import org.medcoord.core.audit.internal.Tampering.SwapKind;
import org.medcoord.spi.audit.KeyProvider.KeyId;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;

class ChainVerifierTest {
    private static final int SIZE = 30;

    private final GeneratedKeyProvider keys = new GeneratedKeyProvider("test");
    private final ChainVerifier verifier = new ChainVerifier(keys);
    private final List<ChainedEvent> chain = AuditFixtures.chain(SIZE, 7);
    private final Checkpoint head = checkpoint(SIZE);
    private final SplittableRandom random = new SplittableRandom(11);

    private Checkpoint checkpoint(int sequence) {
        ChainHash hash = sequence == 0 ? ChainHash.GENESIS : chain.get(sequence - 1).hash();
        return Checkpoint.sign(Optional.empty(), sequence, hash, AuditFixtures.START.plusSeconds(3600), keys);
    }

    private List<ChainFinding> findings(List<ChainedEvent> events) {
        return verifier.verify(events, List.of(head)).findings();
    }

    @Test
    void an_untouched_chain_is_intact_and_anchored() {
        AuditVerification report = verifier.verify(chain, List.of(head));

        assertThat(report.ok()).isTrue();
        assertThat(report.vouchedThrough().isPresent()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(SIZE);
        assertThat(report.lastSequence()).isEqualTo(SIZE);
        assertThat(report.vouchedThrough()).hasValue(SIZE);
    }

    @Test
    void events_appended_after_the_checkpoint_are_fine() {
        assertThat(verifier.verify(chain, List.of(checkpoint(12))).ok()).isTrue();
    }

    @Test
    void without_a_checkpoint_the_links_are_checked_but_nothing_is_anchored() {
        AuditVerification report = verifier.verify(chain);

        assertThat(report.ok()).isTrue();
        assertThat(report.vouchedThrough().isPresent()).isFalse();
        assertThat(verifier.verify(Tampering.swap(chain, 3, 9, SwapKind.ROWS)).findings()).containsExactly(new ReorderedEvents(4, 10));
    }

    @Test
    void an_empty_chain_verifies_against_an_empty_checkpoint() {
        assertThat(verifier.verify(List.of(), List.of(checkpoint(0))).ok()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AuditFixtures.Field.class)
    void a_changed_record_field_is_reported_as_that_event_altered(AuditFixtures.Field field) {
        for (int index : new int[] {0, 14, SIZE - 1}) {
            assertThat(findings(Tampering.alterField(chain, index, field, random)))
                    .as("%s of event %d", field, index + 1).containsExactly(new AlteredEvent(index + 1));
        }
    }

    @Test
    void a_changed_sequence_number_is_reported_at_the_place_it_was_taken_from() {
        assertThat(findings(Tampering.setSequence(chain, 14, 999))).containsExactly(new AlteredEvent(15));
        assertThat(findings(Tampering.setSequence(chain, 14, 17))).containsExactly(new AlteredEvent(15));
        assertThat(findings(Tampering.setSequence(chain, 0, 2))).containsExactly(new AlteredEvent(1));
        assertThat(findings(Tampering.setSequence(chain, SIZE - 1, 3))).containsExactly(new AlteredEvent(SIZE));
        // Renumbered to the checkpoint's own sequence: still one altered event, not also a false head.
        assertThat(findings(Tampering.setSequence(chain, 0, SIZE))).containsExactly(new AlteredEvent(1));
        assertThat(findings(Tampering.setSequence(chain, 14, SIZE))).containsExactly(new AlteredEvent(15));
    }

    @Test
    void a_changed_previous_hash_or_hash_is_reported_as_that_event_altered() {
        for (int index : new int[] {0, 14, SIZE - 1}) {
            assertThat(findings(Tampering.setPreviousHash(chain, index, Tampering.randomHash(random))))
                    .containsExactly(new AlteredEvent(index + 1));
            assertThat(findings(Tampering.setHash(chain, index, Tampering.randomHash(random))))
                    .containsExactly(new AlteredEvent(index + 1));
        }
    }

    @Test
    void an_event_changed_and_rehashed_no_longer_matches_what_its_successor_recorded() {
        assertThat(findings(Tampering.alterAndRehash(chain, 14, AuditFixtures.Field.OUTCOME, random)))
                .containsExactly(new AlteredEvent(15));
        assertThat(findings(Tampering.alterAndRehash(chain, 0, AuditFixtures.Field.PATIENT, random)))
                .containsExactly(new AlteredEvent(1));
        assertThat(findings(Tampering.setPreviousHashAndRehash(chain, 14, Tampering.randomHash(random))))
                .containsExactly(new AlteredEvent(15));
        assertThat(findings(Tampering.setPreviousHashAndRehash(chain, 0, Tampering.randomHash(random))))
                .containsExactly(new AlteredEvent(1));
    }

    @Test
    void the_head_changed_and_rehashed_differs_from_the_signed_head() {
        assertThat(findings(Tampering.alterAndRehash(chain, SIZE - 1, AuditFixtures.Field.USER, random)))
                .containsExactly(new CheckpointHeadMismatch(1, SIZE));
    }

    @Test
    void the_head_pointed_elsewhere_and_rehashed_is_named_with_the_signed_head_as_witness() {
        assertThat(findings(Tampering.setPreviousHashAndRehash(chain, SIZE - 1, Tampering.randomHash(random))))
                .containsExactly(new AlteredEvent(SIZE));
        assertThat(verifier.verify(Tampering.setPreviousHashAndRehash(chain, SIZE - 1, Tampering.randomHash(random)))
                .findings()).hasSize(1);
    }

    @Test
    void a_chain_rewritten_from_an_event_up_to_the_head_differs_from_the_signed_head() {
        AuditChain rewriter = AuditChain.after(chain.get(9));
        List<ChainedEvent> rewritten = new ArrayList<>(chain.subList(0, 10));
        for (ChainedEvent event : chain.subList(10, SIZE)) {
            rewritten.add(rewriter.append(event.sequence() == 20
                    ? AuditFixtures.alter(event.record(), AuditFixtures.Field.ACTION, random) : event.record()));
        }

        assertThat(verifier.verify(rewritten).ok()).isTrue();
        assertThat(findings(rewritten)).containsExactly(new CheckpointHeadMismatch(1, SIZE));
    }

    @Test
    void a_removed_event_is_named() {
        assertThat(findings(Tampering.remove(chain, 14, 15))).containsExactly(new RemovedEvents(15, 15));
        assertThat(findings(Tampering.remove(chain, 0, 1))).containsExactly(new RemovedEvents(1, 1));
        assertThat(findings(Tampering.remove(chain, 4, 9))).containsExactly(new RemovedEvents(5, 9));
        assertThat(findings(Tampering.remove(Tampering.remove(chain, 20, 21), 4, 5)))
                .containsExactly(new RemovedEvents(5, 5), new RemovedEvents(21, 21));
    }

    @Test
    void a_removed_last_event_is_a_truncated_tail() {
        assertThat(findings(Tampering.remove(chain, SIZE - 1, SIZE))).containsExactly(new TruncatedTail(SIZE - 1, SIZE, 1));
    }

    @ParameterizedTest
    @EnumSource(SwapKind.class)
    void two_swapped_events_are_named(SwapKind kind) {
        int[][] pairs = {{14, 15}, {3, 22}, {0, 1}, {0, SIZE - 1}, {SIZE - 2, SIZE - 1}, {5, 7}};
        for (int[] pair : pairs) {
            assertThat(findings(Tampering.swap(chain, pair[0], pair[1], kind)))
                    .as("%s swap of events %d and %d", kind, pair[0] + 1, pair[1] + 1)
                    .containsExactly(new ReorderedEvents(pair[0] + 1, pair[1] + 1));
        }
    }

    @Test
    void a_truncated_tail_is_named_against_the_checkpoint() {
        assertThat(findings(Tampering.truncate(chain, 17))).containsExactly(new TruncatedTail(17, SIZE, 1));
        assertThat(findings(Tampering.truncate(chain, 0))).containsExactly(new TruncatedTail(0, SIZE, 1));
        assertThat(verifier.verify(Tampering.truncate(chain, 9), List.of(checkpoint(12))).findings())
                .containsExactly(new TruncatedTail(9, 12, 1));
    }

    @Test
    void a_tail_cut_off_after_the_newest_checkpoint_cannot_be_seen() {
        AuditVerification report = verifier.verify(Tampering.truncate(chain, 20), List.of(checkpoint(12)));

        assertThat(report.ok()).isTrue();
        assertThat(report.lastSequence()).isEqualTo(20);
    }

    @Test
    void a_checkpoint_changed_after_signing_is_bad_and_not_used() {
        Checkpoint moved = new Checkpoint(1, 17, chain.get(16).hash(), ChainHash.GENESIS, head.at(), head.keyId(), head.signature());

        AuditVerification report = verifier.verify(Tampering.truncate(chain, 17), List.of(moved));

        assertThat(report.findings()).containsExactly(new BadCheckpointSignature(1, 17, head.keyId().value(), ChainVerifier.STORE));
        assertThat(report.vouchedThrough().isPresent()).isFalse();
    }

    @Test
    void a_checkpoint_forged_with_another_key_under_the_real_key_id_is_bad() {
        GeneratedKeyProvider attacker = new GeneratedKeyProvider("test");
        Checkpoint signed = Checkpoint.sign(Optional.empty(), 17, chain.get(16).hash(), head.at(), attacker);
        Checkpoint forged = new Checkpoint(1, 17, signed.head(), signed.previous(), signed.at(), head.keyId(),
                signed.signature());

        assertThat(verifier.verify(Tampering.truncate(chain, 17), List.of(forged)).findings())
                .containsExactly(new BadCheckpointSignature(1, 17, head.keyId().value(), ChainVerifier.STORE));
    }

    @Test
    void a_checkpoint_with_an_unknown_key_is_bad() {
        Checkpoint foreign = Checkpoint.sign(Optional.empty(), SIZE, head.head(), head.at(), new GeneratedKeyProvider("elsewhere"));

        assertThat(findings(chain)).isEmpty();
        assertThat(verifier.verify(chain, List.of(foreign)).findings())
                .containsExactly(new UnknownKey(1, SIZE, foreign.keyId().value()));
    }

    @Test
    void findings_under_a_bad_checkpoint_are_still_reported() {
        byte[] signature = head.signature();
        signature[0] ^= 1;
        Checkpoint flipped = new Checkpoint(1, head.sequence(), head.head(), ChainHash.GENESIS, head.at(), head.keyId(), signature);

        assertThat(verifier.verify(Tampering.remove(chain, 3, 4), List.of(flipped)).findings()).containsExactly(
                new RemovedEvents(4, 4), new BadCheckpointSignature(1, SIZE, head.keyId().value(), ChainVerifier.STORE));
    }

    @Test
    void a_checkpoint_signed_before_a_key_rotation_still_verifies() {
        Checkpoint old = checkpoint(SIZE);
        KeyId next = keys.rotate();

        assertThat(verifier.verify(chain, List.of(old)).ok()).isTrue();
        assertThat(checkpoint(SIZE).keyId()).isEqualTo(next).isNotEqualTo(old.keyId());
        assertThat(verifier.verify(chain, List.of(checkpoint(SIZE))).ok()).isTrue();
    }

    @Test
    void several_tamperings_are_each_reported() {
        List<ChainedEvent> events = Tampering.alterField(chain, 2, AuditFixtures.Field.PURPOSE, random);
        events = Tampering.swap(events, 8, 12, SwapKind.CONTENTS);
        events = Tampering.remove(events, 19, 21);
        events = Tampering.truncate(events, events.size() - 2);

        assertThat(findings(events)).containsExactly(new AlteredEvent(3), new ReorderedEvents(9, 13), new RemovedEvents(20, 21),
                new TruncatedTail(SIZE - 2, SIZE, 1));
    }

    @Test
    void an_inserted_copy_or_a_rotation_breaks_the_chain() {
        List<ChainedEvent> duplicated = new ArrayList<>(chain);
        duplicated.add(10, chain.get(9));
        List<ChainedEvent> rotated = new ArrayList<>(chain);
        rotated.set(4, chain.get(5));
        rotated.set(5, chain.get(6));
        rotated.set(6, chain.get(4));

        assertThat(findings(duplicated)).isNotEmpty().allMatch(f -> f instanceof BrokenChain);
        assertThat(findings(rotated)).isNotEmpty().allMatch(f -> f instanceof BrokenChain);
    }

    @Test
    void beyond_the_itemize_limit_failures_are_counted() {
        List<ChainedEvent> events = chain;
        for (int index = 0; index < SIZE; index += 2) {
            events = Tampering.alterField(events, index, AuditFixtures.Field.DETAIL_CODE, random);
        }

        List<ChainFinding> found = new ChainVerifier(keys, 5).verify(events, List.of(head)).findings();

        assertThat(found).containsExactly(new AlteredEvent(1), new AlteredEvent(3), new AlteredEvent(5), new AlteredEvent(7), new AlteredEvent(9),
                new TooManyFindings(11, 10));
    }
}
