package org.medcoord.spi.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.spi.audit.KeyProvider.KeyId;

/**
 * A signed statement that the audit chain had the given head at the given sequence number. A
 * verifier trusts a checkpoint whose signature holds and checks the stored chain against it, so
 * that a removed tail or a rewritten chain shows.
 *
 * <p>The signature is Ed25519 over 56 bytes: the ASCII tag {@code MCAUDCP1} (distinct from any
 * event encoding, which begins with a version byte of 1), then big-endian the sequence (i64),
 * the head hash (32 bytes), and the time as seconds since the epoch (i64) and nanoseconds (i32).
 *
 * @param sequence the sequence number of the head, {@code 0} for an empty chain
 * @param head the hash of the event at {@code sequence}
 * @param at when the checkpoint was taken
 * @param keyId the key that signed it
 * @param signature the Ed25519 signature; copied in and out
 * @since 0.1
 */
public record Checkpoint(long sequence, ChainHash head, Instant at, KeyId keyId, byte[] signature) {
    private static final byte[] TAG = "MCAUDCP1".getBytes(StandardCharsets.US_ASCII);
    private static final int PAYLOAD_BYTES = TAG.length + 8 + ChainHash.BYTES + 8 + 4;
    private static final String ALGORITHM = "Ed25519";
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /**
     * What checking a checkpoint's signature found.
     *
     * @since 0.1
     */
    public enum Status {
        /** The signature holds under the named key. */
        VALID,
        /** The key provider does not know the key id. */
        UNKNOWN_KEY,
        /** The signature does not hold: the checkpoint or its signature was changed or forged. */
        INVALID_SIGNATURE
    }

    /**
     * Checks the parts are present and copies the signature.
     *
     * @param sequence the head's sequence
     * @param head the head's hash
     * @param at the time
     * @param keyId the key
     * @param signature the signature
     */
    public Checkpoint {
        if (sequence < ChainedEvent.FIRST_SEQUENCE - 1) {
            throw InvalidRequestException.of("sequence", "must not be negative");
        }
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        signature = signature.clone();
    }

    /**
     * Signs a checkpoint.
     *
     * @param sequence the head's sequence number
     * @param head the head's hash
     * @param at the time, from the coordinator's clock
     * @param keys the key provider, which signs with its current key
     * @return the checkpoint
     */
    public static Checkpoint sign(long sequence, ChainHash head, Instant at, KeyProvider keys) {
        KeyProvider.Signed signed = keys.sign(payload(sequence, head, at));
        return new Checkpoint(sequence, head, at, signed.keyId(), signed.signature());
    }

    /**
     * Checks the signature with the public key the provider holds for {@link #keyId()}.
     *
     * @param keys the key provider
     * @return whether the signature holds, or why not
     */
    public Status verify(KeyProvider keys) {
        Optional<PublicKey> key = keys.verificationKey(keyId);
        if (key.isEmpty()) {
            return Status.UNKNOWN_KEY;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key.get());
            verifier.update(payload(sequence, head, at));
            return verifier.verify(signature) ? Status.VALID : Status.INVALID_SIGNATURE;
        } catch (SignatureException malformed) {
            return Status.INVALID_SIGNATURE;
        } catch (InvalidKeyException notEd25519) {
            throw new AdapterException("key provider returned a key that is not Ed25519 for key id " + keyId, notEd25519);
        } catch (NoSuchAlgorithmException missing) {
            throw new AdapterException("the Java runtime offers no Ed25519 signatures", missing);
        }
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

    static byte[] payload(long sequence, ChainHash head, Instant at) {
        byte[] payload = Arrays.copyOf(TAG, PAYLOAD_BYTES);
        int offset = TAG.length;
        LONG.set(payload, offset, sequence);
        offset += 8;
        head.write(payload, offset);
        offset += ChainHash.BYTES;
        LONG.set(payload, offset, at.getEpochSecond());
        offset += 8;
        INT.set(payload, offset, at.getNano());
        return payload;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && sequence == that.sequence && head.equals(that.head)
                && at.equals(that.at) && keyId.equals(that.keyId) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, head, at, keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Checkpoint[sequence=" + sequence + ", head=" + head + ", at=" + at + ", keyId=" + keyId
                + ", signature=" + HexFormat.of().formatHex(signature) + "]";
    }
}
