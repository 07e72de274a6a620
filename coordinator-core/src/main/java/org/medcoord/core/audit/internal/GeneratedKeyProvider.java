package org.medcoord.core.audit.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.Identifiers;
import org.medcoord.spi.audit.KeyProvider;

/**
 * Ed25519 keys generated in memory, for tests and demos: they live as long as the object, so
 * checkpoints signed with them cannot be verified after a restart. Rotation keeps every earlier
 * public key, as the port requires. Thread safe.
 */
public final class GeneratedKeyProvider implements KeyProvider {
    private static final String ALGORITHM = "Ed25519";

    private final String prefix;
    private final Map<KeyId, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private int generation;
    private volatile Current current;

    private record Current(KeyId keyId, PrivateKey privateKey) {
    }

    /** Creates a provider with one key, {@code generated-1}. */
    public GeneratedKeyProvider() {
        this("generated");
    }

    /**
     * Creates a provider with one key, {@code <prefix>-1}.
     *
     * @param prefix the start of every key id, letters, digits and {@code . _ : -}
     */
    public GeneratedKeyProvider(String prefix) {
        this.prefix = Identifiers.check("prefix", prefix);
        rotate();
    }

    /**
     * Generates a new key pair and signs with it from now on; earlier keys still verify.
     *
     * @return the new key's id, {@code <prefix>-<n>}
     */
    public synchronized KeyId rotate() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException missing) {
            throw new AdapterException("the Java runtime offers no Ed25519 key generation", missing);
        }
        KeyId keyId = KeyId.of(prefix + "-" + ++generation);
        publicKeys.put(keyId, pair.getPublic());
        current = new Current(keyId, pair.getPrivate());
        return keyId;
    }

    /**
     * The key that signs now.
     *
     * @return the current key id
     */
    public KeyId currentKeyId() {
        return current.keyId();
    }

    @Override
    public Signed sign(byte[] payload) {
        Current key = current;
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key.privateKey());
            signer.update(payload);
            return new Signed(key.keyId(), signer.sign());
        } catch (GeneralSecurityException failed) {
            throw new AdapterException("signing with generated key " + key.keyId() + " failed", failed);
        }
    }

    @Override
    public Optional<PublicKey> verificationKey(KeyId keyId) {
        return Optional.ofNullable(publicKeys.get(keyId));
    }
}
