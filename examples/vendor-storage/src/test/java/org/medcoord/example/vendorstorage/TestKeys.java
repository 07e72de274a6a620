package org.medcoord.example.vendorstorage;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.KeyProvider;

/** One Ed25519 key held in memory for a test's life: a host's durable key store, as far as a test needs one. */
final class TestKeys implements KeyProvider {
    private final KeyId id;
    private final KeyPair pair;

    TestKeys(String id) {
        this.id = KeyId.of(id);
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public Signed sign(byte[] payload) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(payload);
            return new Signed(id, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public Optional<PublicKey> verificationKey(KeyId keyId) {
        return id.equals(keyId) ? Optional.of(pair.getPublic()) : Optional.empty();
    }

    /** A plugin contributing only these keys. */
    CoordinatorPlugin plugin() {
        KeyProvider keys = this;
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return "test-keys";
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return List.of(keys);
            }
        };
    }
}
