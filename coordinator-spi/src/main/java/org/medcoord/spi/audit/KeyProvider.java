package org.medcoord.spi.audit;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.Identifiers;

/**
 * Signs checkpoints of the audit chain and hands out the public keys that verify them. A
 * checkpoint vouches for the chain's sequence number and head hash at one moment; a verifier
 * later checks the stored chain against the newest checkpoint whose signature holds.
 *
 * <p>Signatures are Ed25519 (RFC 8032), as produced by the JDK's {@code Signature} algorithm
 * {@code "Ed25519"}. The port signs rather than handing out a private key, so that a key held in
 * an HSM or a cloud key service, which never leaves it, can serve as well as a key in memory.
 *
 * <p><b>Implementation requirements.</b> Thread safe: signing and lookups may run concurrently
 * from several threads. Rotation: {@link #sign(byte[])} uses the current key and reports which
 * one it used, in one call, so a rotation between two calls cannot pair a signature with the
 * wrong id; every key id this provider ever signed with stays resolvable by
 * {@link #verificationKey(KeyId)} for as long as checkpoints signed with it are kept, otherwise
 * those checkpoints can no longer be verified. A key id unknown to the provider returns an empty
 * {@code Optional}, never {@code null} and never an exception. Failures to reach a key store
 * are reported as unchecked {@link org.medcoord.api.common.AdapterException}s naming the key
 * id, never the key material.
 *
 * @since 0.1
 */
public interface KeyProvider {

    /**
     * Signs a payload with the current signing key.
     *
     * @param payload the bytes to sign; the caller does not change them afterwards
     * @return the id of the key used and the Ed25519 signature over {@code payload}
     */
    Signed sign(byte[] payload);

    /**
     * The public key that verifies signatures made with the given key, current or retired.
     *
     * @param keyId the key id recorded with a signature
     * @return the Ed25519 public key, or empty when the id is unknown
     */
    Optional<PublicKey> verificationKey(KeyId keyId);

    /**
     * Identifies a signing key across rotations, for example {@code audit-2027-03}.
     *
     * @param value the identifier, see {@link Identifiers}
     * @since 0.1
     */
    record KeyId(String value) {
        /**
         * Validates the value.
         *
         * @param value the identifier
         */
        public KeyId {
            Identifiers.check("keyId", value);
        }

        /**
         * Creates an id.
         *
         * @param value the identifier
         * @return the id
         */
        public static KeyId of(String value) {
            return new KeyId(value);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * A signature and the key that made it.
     *
     * @param keyId the key used
     * @param signature the signature bytes, 64 for Ed25519; copied in and out
     * @since 0.1
     */
    record Signed(KeyId keyId, byte[] signature) {
        /**
         * Checks the parts are present and copies the signature.
         *
         * @param keyId the key used
         * @param signature the signature bytes
         */
        public Signed {
            Objects.requireNonNull(keyId, "keyId");
            signature = signature.clone();
        }

        /**
         * The signature bytes.
         *
         * @return a copy of the signature
         */
        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Signed that && keyId.equals(that.keyId) && Arrays.equals(signature, that.signature);
        }

        @Override
        public int hashCode() {
            return 31 * keyId.hashCode() + Arrays.hashCode(signature);
        }

        @Override
        public String toString() {
            return "Signed[keyId=" + keyId + ", signature=" + HexFormat.of().formatHex(signature) + "]";
        }
    }
}
