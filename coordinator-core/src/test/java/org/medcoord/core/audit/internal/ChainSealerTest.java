package org.medcoord.core.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.core.audit.CheckpointWitnesses;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.Checkpoint;

class ChainSealerTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final GeneratedKeyProvider keys = new GeneratedKeyProvider("sealer-test");
    private final CheckpointWitness witness = CheckpointWitnesses.inMemory("test-witness");
    private final ChainSealer sealer = new ChainSealer(storage, Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"),
            ZoneOffset.UTC), keys, true, List.of(), List.of(witness), true, 5);

    private void append(int records, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        storage.inTransaction(tx -> {
            for (int i = 0; i < records; i++) {
                tx.audit().append(AuditFixtures.record(i + 1, random));
            }
            return null;
        });
    }

    @Test
    void the_first_batch_of_an_empty_chain_gets_its_checkpoint_when_one_is_due() {
        append(7, 1);

        assertThat(sealer.seal()).isEqualTo(7);

        List<Checkpoint> checkpoints = sealer.storedCheckpoints();
        assertThat(checkpoints).extracting(Checkpoint::index, Checkpoint::sequence).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, 7L));
        assertThat(checkpoints.get(0).verify(keys)).isEqualTo(Checkpoint.Status.VALID);
        assertThat(witness.newest()).contains(checkpoints.get(0));
    }

    @Test
    void later_checkpoints_follow_the_one_before_once_enough_events_were_sealed_past_it() {
        append(7, 1);
        sealer.seal();
        append(3, 2);
        sealer.seal();
        assertThat(sealer.storedCheckpoints()).as("3 events past the newest checkpoint, 5 due").hasSize(1);

        append(4, 3);
        sealer.seal();

        List<Checkpoint> checkpoints = sealer.storedCheckpoints();
        assertThat(checkpoints).extracting(Checkpoint::sequence).containsExactly(7L, 14L);
        assertThat(checkpoints.get(1).follows(checkpoints.get(0))).isTrue();
        assertThat(new ChainVerifier(keys).verify(sealer.storedChain(), checkpoints).ok()).isTrue();
    }
}
