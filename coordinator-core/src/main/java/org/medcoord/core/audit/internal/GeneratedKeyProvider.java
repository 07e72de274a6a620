package org.medcoord.core.audit.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.Identifiers;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.spi.audit.KeyProvider;

/**
 * Ed25519 keys generated in memory, for tests and demos: they live as long as the object, so
 * checkpoints signed with them cannot be verified after a restart. Each key's id is derived from
 * its public key ({@code <prefix>-} and the first 16 hexadecimal digits of the SHA-256 of its
 * encoding), so a checkpoint signed by an earlier process names a key this one does not know and
 * is reported as unverifiable, never looked up under a new key of the same name. Rotation keeps
 * every earlier public key, as the port requires. Thread safe.
 */
public final class GeneratedKeyProvider implements KeyProvider {
    private static final String ALGORITHM = "Ed25519";

    private final String prefix;
    private final Map<KeyId, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private volatile Current current;

    private record Current(KeyId keyId, PrivateKey privateKey) {
    }

    /** Creates a provider with one key, {@code generated-<digits of its public key>}. */
    public GeneratedKeyProvider() {
        this("generated");
    }

    /**
     * Creates a provider with one key, {@code <prefix>-<digits of its public key>}.
     *
     * @param prefix the start of every key id, letters, digits and {@code . _ : -}
     */
    public GeneratedKeyProvider(String prefix) {
        this.prefix = Identifiers.check("prefix", prefix);
        if (prefix.length() > Identifiers.MAX_LENGTH - 17) {
            throw InvalidRequestException.of("prefix", "must be at most " + (Identifiers.MAX_LENGTH - 17) + " characters");
        }
        rotate();
    }

    /**
     * Generates a new key pair and signs with it from now on; earlier keys still verify.
     *
     * @return the new key's id
     */
    public synchronized KeyId rotate() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException missing) {
            throw new AdapterException("the Java runtime offers no Ed25519 key generation", missing);
        }
        KeyId keyId = KeyId.of(prefix + "-" + fingerprint(pair.getPublic()));
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

    private static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError("every Java platform supports SHA-256", impossible);
        }
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
