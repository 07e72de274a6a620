package org.medcoord.core.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.common.AdapterException;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.Checkpoint;

class CheckpointTest {
    private static final ChainHash HEAD = ChainHash.ofHex("ab".repeat(32));
    private static final Instant AT = Instant.parse("2027-03-01T09:00:00Z");

    private final GeneratedKeyProvider keys = new GeneratedKeyProvider();
    private final Checkpoint checkpoint = Checkpoint.sign(Optional.empty(), 100, HEAD, AT, keys);

    @Test
    void a_signed_checkpoint_verifies() {
        assertThat(checkpoint.keyId()).isEqualTo(keys.currentKeyId());
        assertThat(checkpoint.signature()).hasSize(64);
        assertThat(checkpoint.verify(keys)).isEqualTo(Checkpoint.Status.VALID);
    }

    @Test
    void every_signed_part_is_covered_by_the_signature() {
        byte[] signature = checkpoint.signature();
        assertThat(new Checkpoint(1, 101, HEAD, ChainHash.GENESIS, AT, checkpoint.keyId(), signature).verify(keys))
                .isEqualTo(Checkpoint.Status.INVALID_SIGNATURE);
        assertThat(new Checkpoint(1, 100, ChainHash.GENESIS, ChainHash.GENESIS, AT, checkpoint.keyId(), signature).verify(keys))
                .isEqualTo(Checkpoint.Status.INVALID_SIGNATURE);
        assertThat(new Checkpoint(1, 100, HEAD, ChainHash.GENESIS, AT.plusNanos(1), checkpoint.keyId(), signature).verify(keys))
                .isEqualTo(Checkpoint.Status.INVALID_SIGNATURE);
        assertThat(new Checkpoint(1, 100, HEAD, ChainHash.GENESIS, AT, checkpoint.keyId(), new byte[3]).verify(keys))
                .isEqualTo(Checkpoint.Status.INVALID_SIGNATURE);
        assertThat(new Checkpoint(1, 100, HEAD, ChainHash.GENESIS, AT, KeyProvider.KeyId.of("nobody"), signature).verify(keys))
                .isEqualTo(Checkpoint.Status.UNKNOWN_KEY);
        assertThat(new Checkpoint(2, 100, HEAD, ChainHash.GENESIS, AT, checkpoint.keyId(), signature).verify(keys))
                .as("the index").isEqualTo(Checkpoint.Status.INVALID_SIGNATURE);
        assertThat(new Checkpoint(1, 100, HEAD, HEAD, AT, checkpoint.keyId(), signature).verify(keys))
                .as("the previous digest").isEqualTo(Checkpoint.Status.INVALID_SIGNATURE);
    }

    @Test
    void checkpoints_form_a_chain_each_naming_the_digest_of_the_one_before() {
        Checkpoint second = Checkpoint.sign(Optional.of(checkpoint), 200, ChainHash.GENESIS, AT.plusSeconds(1), keys);
        Checkpoint third = Checkpoint.sign(Optional.of(second), 300, HEAD, AT.plusSeconds(2), keys);

        assertThat(checkpoint.index()).isEqualTo(1);
        assertThat(checkpoint.previous()).isEqualTo(ChainHash.GENESIS);
        assertThat(second.index()).isEqualTo(2);
        assertThat(second.previous()).isEqualTo(checkpoint.digest());
        assertThat(second.follows(checkpoint)).isTrue();
        assertThat(third.follows(second)).isTrue();
        assertThat(third.follows(checkpoint)).as("skips one").isFalse();
        assertThat(second.digest()).isNotEqualTo(third.digest()).isEqualTo(second.digest());
    }

    @Test
    void generated_key_ids_come_from_the_public_key_so_two_providers_never_share_one() {
        GeneratedKeyProvider other = new GeneratedKeyProvider();
        GeneratedKeyProvider again = new GeneratedKeyProvider();

        assertThat(other.currentKeyId()).isNotEqualTo(again.currentKeyId());
        assertThat(other.currentKeyId().value()).matches("generated-[0-9a-f]{16}");
        assertThat(Checkpoint.sign(Optional.empty(), 1, HEAD, AT, other).verify(again))
                .isEqualTo(Checkpoint.Status.UNKNOWN_KEY);
    }

    @Test
    void the_signature_is_copied_in_and_out() {
        byte[] signature = checkpoint.signature();
        signature[0] ^= 1;

        assertThat(checkpoint.verify(keys)).isEqualTo(Checkpoint.Status.VALID);
        assertThat(checkpoint).isEqualTo(new Checkpoint(1, 100, HEAD, ChainHash.GENESIS, AT, checkpoint.keyId(), checkpoint.signature()))
                .hasSameHashCodeAs(new Checkpoint(1, 100, HEAD, ChainHash.GENESIS, AT, checkpoint.keyId(), checkpoint.signature()));
    }

    @Test
    void a_provider_handing_out_a_key_of_another_kind_is_an_adapter_failure() throws Exception {
        PublicKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        KeyProvider wrong = new KeyProvider() {
            @Override
            public Signed sign(byte[] payload) {
                return keys.sign(payload);
            }

            @Override
            public Optional<PublicKey> verificationKey(KeyId keyId) {
                return Optional.of(rsa);
            }
        };

        assertThatThrownBy(() -> checkpoint.verify(wrong)).isInstanceOf(AdapterException.class)
                .hasMessageContaining(checkpoint.keyId().value());
    }
}
