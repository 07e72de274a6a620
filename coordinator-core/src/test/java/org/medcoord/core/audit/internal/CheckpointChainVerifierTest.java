package org.medcoord.core.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import org.medcoord.api.audit.ChainFinding.BadCheckpointSignature;
import org.medcoord.api.audit.ChainFinding.CheckpointHeadMismatch;
import org.medcoord.api.audit.ChainFinding.MissingCheckpoints;
import org.medcoord.api.audit.ChainFinding.RolledBack;
import org.medcoord.api.audit.ChainFinding.TruncatedTail;
import org.medcoord.api.audit.ChainFinding.UnknownKey;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;

/** The verifier over several stored checkpoints and the witnesses' newest. */
class CheckpointChainVerifierTest {
    private static final int SIZE = 50;

    private final GeneratedKeyProvider keys = new GeneratedKeyProvider("test");
    private final ChainVerifier verifier = new ChainVerifier(keys);
    private final List<ChainedEvent> chain = AuditFixtures.chain(SIZE, 3);
    /** Checkpoints 1 to 5 at events 10, 20, 30, 40, 50. */
    private final List<Checkpoint> checkpoints = sign(keys, 10, 20, 30, 40, 50);

    private List<Checkpoint> sign(GeneratedKeyProvider signer, int... sequences) {
        List<Checkpoint> signed = new ArrayList<>();
        Optional<Checkpoint> previous = Optional.empty();
        for (int sequence : sequences) {
            Checkpoint checkpoint = Checkpoint.sign(previous, sequence, chain.get(sequence - 1).hash(),
                    AuditFixtures.START.plusSeconds(sequence), signer);
            signed.add(checkpoint);
            previous = Optional.of(checkpoint);
        }
        return signed;
    }

    private static List<Checkpoint> without(List<Checkpoint> checkpoints, int... indexes) {
        List<Checkpoint> kept = new ArrayList<>(checkpoints);
        for (int i = indexes.length - 1; i >= 0; i--) {
            kept.remove(indexes[i] - 1);
        }
        return kept;
    }

    private static List<Checkpoint> replaced(List<Checkpoint> checkpoints, int index, Checkpoint replacement) {
        List<Checkpoint> changed = new ArrayList<>(checkpoints);
        changed.set(index - 1, replacement);
        return changed;
    }

    private List<ChainFinding> findings(List<ChainedEvent> events, List<Checkpoint> stored,
                                        List<ChainVerifier.Witnessed> witnessed) {
        return verifier.verify(events, stored, witnessed, Set.of()).findings();
    }

    @Test
    void an_untouched_trail_checks_every_checkpoint_and_is_vouched_for_to_the_newest() {
        AuditVerification report = verifier.verify(chain, checkpoints,
                List.of(new ChainVerifier.Witnessed("w", checkpoints.get(4))), Set.of());

        assertThat(report.ok()).isTrue();
        assertThat(report.checkpointsChecked()).isEqualTo(5);
        assertThat(report.vouchedThrough()).hasValue(50);
        assertThat(verifier.verify(chain, checkpoints.subList(0, 2)).vouchedThrough()).hasValue(20);
    }

    @Test
    void a_checkpoint_removed_from_within_is_missing_naming_its_index_and_the_events_it_vouched_for() {
        assertThat(findings(chain, without(checkpoints, 3), List.of()))
                .containsExactly(new MissingCheckpoints(3, 3, 20, 40));
        assertThat(findings(chain, without(checkpoints, 2, 3), List.of()))
                .containsExactly(new MissingCheckpoints(2, 3, 10, 40));
        assertThat(findings(chain, without(checkpoints, 1), List.of()))
                .containsExactly(new MissingCheckpoints(1, 1, 0, 20));
    }

    @Test
    void a_checkpoint_with_a_flipped_signature_bit_is_bad_and_nothing_else_is_reported() {
        Checkpoint third = checkpoints.get(2);
        byte[] signature = third.signature();
        signature[17] ^= 0x10;
        Checkpoint flipped = new Checkpoint(3, 30, third.head(), third.previous(), third.at(), third.keyId(), signature);

        assertThat(findings(chain, replaced(checkpoints, 3, flipped), List.of()))
                .containsExactly(new BadCheckpointSignature(3, 30, third.keyId().value(), ChainVerifier.STORE));
    }

    @Test
    void a_checkpoint_whose_stored_head_was_changed_is_bad_and_nothing_else_is_reported() {
        Checkpoint third = checkpoints.get(2);
        Checkpoint changed = new Checkpoint(3, 30, ChainHash.ofHex("11".repeat(32)), third.previous(), third.at(),
                third.keyId(), third.signature());

        assertThat(findings(chain, replaced(checkpoints, 3, changed), List.of()))
                .containsExactly(new BadCheckpointSignature(3, 30, third.keyId().value(), ChainVerifier.STORE));
    }

    @Test
    void every_signature_zeroed_vouches_for_nothing_and_names_each_checkpoint() {
        List<Checkpoint> zeroed = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            zeroed.add(new Checkpoint(c.index(), c.sequence(), c.head(), c.previous(), c.at(), c.keyId(), new byte[64]));
        }

        AuditVerification report = verifier.verify(chain, zeroed);

        assertThat(report.findings()).hasSize(5).allMatch(f -> f instanceof BadCheckpointSignature);
        assertThat(report.vouchedThrough()).isEmpty();
    }

    @Test
    void a_validly_signed_checkpoint_put_in_place_of_another_is_reported_as_a_replacement() {
        Checkpoint other = Checkpoint.sign(Optional.of(checkpoints.get(0)), 25, chain.get(24).hash(),
                AuditFixtures.START, keys);
        List<Checkpoint> stored = replaced(checkpoints, 2, other);

        assertThat(findings(chain, stored, List.of()))
                .containsExactly(new MissingCheckpoints(3, 2, 25, 30));
    }

    @Test
    void a_chain_rewritten_after_a_checkpoint_differs_from_every_later_signed_head() {
        AuditChain rewriter = AuditChain.after(chain.get(34));
        List<ChainedEvent> rewritten = new ArrayList<>(chain.subList(0, 35));
        SplittableRandom random = new SplittableRandom(5);
        for (ChainedEvent event : chain.subList(35, SIZE)) {
            rewritten.add(rewriter.append(event.sequence() == 36
                    ? AuditFixtures.alter(event.record(), AuditFixtures.Field.USER, random) : event.record()));
        }

        AuditVerification report = verifier.verify(rewritten, checkpoints);

        assertThat(report.findings()).containsExactly(new CheckpointHeadMismatch(4, 40),
                new CheckpointHeadMismatch(5, 50));
        assertThat(report.vouchedThrough()).hasValue(30);
    }

    @Test
    void a_cut_tail_is_truncated_against_the_newest_checkpoint_beyond_it() {
        assertThat(findings(chain.subList(0, 33), checkpoints, List.of()))
                .containsExactly(new TruncatedTail(33, 50, 5));
    }

    @Test
    void deleting_the_tail_with_its_checkpoints_passes_the_store_but_not_the_witness() {
        List<ChainedEvent> events = chain.subList(0, 33);
        List<Checkpoint> stored = checkpoints.subList(0, 3);
        Checkpoint witnessed = checkpoints.get(4);

        assertThat(findings(events, stored, List.of())).as("the store alone cannot tell").isEmpty();
        assertThat(findings(events, stored, List.of(new ChainVerifier.Witnessed("file:w", witnessed))))
                .containsExactly(new RolledBack("file:w", 5, 50, 3, 30, 33));
        assertThat(findings(List.of(), List.of(), List.of(new ChainVerifier.Witnessed("file:w", witnessed))))
                .containsExactly(new RolledBack("file:w", 5, 50, 0, 0, 0));
    }

    @Test
    void a_store_that_went_on_differently_after_a_rollback_is_caught_by_the_witness() {
        Checkpoint witnessed = checkpoints.get(3);
        List<Checkpoint> forked = new ArrayList<>(checkpoints.subList(0, 3));
        forked.add(Checkpoint.sign(Optional.of(checkpoints.get(2)), 35, chain.get(34).hash(), AuditFixtures.START,
                keys));

        assertThat(findings(chain.subList(0, 35), forked, List.of(new ChainVerifier.Witnessed("w", witnessed))))
                .containsExactly(new RolledBack("w", 4, 40, 4, 35, 35));
    }

    @Test
    void a_witness_that_lags_behind_the_store_is_no_finding() {
        assertThat(findings(chain, checkpoints, List.of(new ChainVerifier.Witnessed("w", checkpoints.get(1)))))
                .isEmpty();
    }

    @Test
    void a_witness_holding_a_checkpoint_with_a_bad_signature_is_reported_as_the_witness_s() {
        Checkpoint fifth = checkpoints.get(4);
        Checkpoint forged = new Checkpoint(6, 60, fifth.head(), fifth.digest(), fifth.at(), fifth.keyId(),
                fifth.signature());

        assertThat(findings(chain, checkpoints, List.of(new ChainVerifier.Witnessed("w", forged))))
                .containsExactly(new BadCheckpointSignature(6, 60, fifth.keyId().value(), "w"));
    }

    @Test
    void checkpoints_of_a_key_no_longer_known_are_unverifiable_and_later_ones_still_vouch() {
        GeneratedKeyProvider earlier = new GeneratedKeyProvider("test");
        List<Checkpoint> before = sign(earlier, 10, 20);
        Checkpoint third = Checkpoint.sign(Optional.of(before.get(1)), 30, chain.get(29).hash(), AuditFixtures.START,
                keys);
        List<Checkpoint> stored = List.of(before.get(0), before.get(1), third);

        AuditVerification report = verifier.verify(chain, stored);

        assertThat(report.findings()).containsExactly(new UnknownKey(1, 10, before.get(0).keyId().value()),
                new UnknownKey(2, 20, before.get(1).keyId().value()));
        assertThat(report.ok()).isFalse();
        assertThat(report.vouchedThrough()).hasValue(30);
    }

    @Test
    void the_sealer_s_segment_check_accepts_a_sound_continuation_and_nothing_else() {
        ChainHead anchor = new ChainHead(20, chain.get(19).hash());
        ChainHead head = new ChainHead(SIZE, chain.get(SIZE - 1).hash());

        assertThat(ChainVerifier.continues(anchor, chain.subList(19, SIZE), head)).isTrue();
        assertThat(ChainVerifier.continues(ChainHead.EMPTY, chain, head)).isTrue();
        assertThat(ChainVerifier.continues(ChainHead.EMPTY, chain, ChainHead.EMPTY)).as("nothing before an empty head")
                .isTrue();
        assertThat(ChainVerifier.continues(ChainHead.EMPTY, chain, new ChainHead(0, chain.get(0).hash())))
                .as("an empty head with another hash").isFalse();
        assertThat(ChainVerifier.continues(anchor, chain.subList(19, 40), head)).as("cut short").isFalse();
        assertThat(ChainVerifier.continues(anchor, Tampering.alterField(chain, 30, AuditFixtures.Field.ACTION,
                new SplittableRandom(1)).subList(19, SIZE), head)).as("altered").isFalse();
        assertThat(ChainVerifier.continues(new ChainHead(20, chain.get(18).hash()), chain.subList(19, SIZE), head))
                .as("anchor moved").isFalse();
        assertThat(ChainVerifier.continues(anchor, Tampering.remove(chain, 30, 30).subList(19, SIZE - 1), head))
                .as("removed").isFalse();
        assertThat(ChainVerifier.continues(anchor, chain.subList(19, 20), anchor)).as("nothing new").isTrue();
    }
}
