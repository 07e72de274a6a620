package org.medcoord.spi.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
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
 * A signed statement that the audit chain had the given head at the given sequence number, and
 * that it follows one earlier checkpoint. Checkpoints form a chain of their own, like the
 * signed tree heads of Certificate Transparency: each carries its position ({@link #index()},
 * from {@value #FIRST_INDEX}) and the {@link #digest() digest} of the checkpoint before it, so a
 * deleted, replaced or reordered checkpoint shows. A verifier trusts a checkpoint whose signature
 * holds and checks the stored chain against it, so that a removed tail or a rewritten chain
 * shows; a {@link CheckpointWitness} outside the database keeps the newest one, so that a store
 * rolled back as a whole shows too.
 *
 * <p>The signature is Ed25519 over 100 bytes: the ASCII tag {@code MCAUDCP2} (distinct from any
 * event encoding, which begins with a small version byte), then big-endian the index (i64), the
 * sequence (i64), the head hash (32 bytes), the previous checkpoint's digest (32 bytes) and the
 * time as seconds since the epoch (i64) and nanoseconds (i32). The digest of a checkpoint is the
 * SHA-256 of those 100 bytes.
 *
 * @param index the checkpoint's position in the chain of checkpoints, {@value #FIRST_INDEX} for
 *     the first
 * @param sequence the sequence number of the head, {@code 0} for an empty chain
 * @param head the hash of the event at {@code sequence}
 * @param previous the digest of the checkpoint before, {@link ChainHash#GENESIS} for the first
 * @param at when the checkpoint was taken
 * @param keyId the key that signed it
 * @param signature the Ed25519 signature; copied in and out
 * @since 0.1
 */
public record Checkpoint(long index, long sequence, ChainHash head, ChainHash previous, Instant at, KeyId keyId,
                         byte[] signature) {
    /** The index of the first checkpoint of every chain. */
    public static final long FIRST_INDEX = 1;

    private static final byte[] TAG = "MCAUDCP2".getBytes(StandardCharsets.US_ASCII);
    private static final int PAYLOAD_BYTES = TAG.length + 8 + 8 + ChainHash.BYTES + ChainHash.BYTES + 8 + 4;
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
        /** The key provider does not know the key id: the checkpoint cannot be verified. */
        UNKNOWN_KEY,
        /** The signature does not hold: the checkpoint or its signature was changed or forged. */
        INVALID_SIGNATURE
    }

    /**
     * Checks the parts are present and copies the signature.
     *
     * @param index the position in the chain of checkpoints
     * @param sequence the head's sequence
     * @param head the head's hash
     * @param previous the previous checkpoint's digest
     * @param at the time
     * @param keyId the key
     * @param signature the signature
     */
    public Checkpoint {
        if (index < FIRST_INDEX) {
            throw InvalidRequestException.of("index", "must be at least " + FIRST_INDEX);
        }
        if (sequence < ChainedEvent.FIRST_SEQUENCE - 1) {
            throw InvalidRequestException.of("sequence", "must not be negative");
        }
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        signature = signature.clone();
    }

    /**
     * Signs the checkpoint that follows another.
     *
     * @param previous the newest checkpoint so far, empty for the first
     * @param sequence the head's sequence number
     * @param head the head's hash
     * @param at the time, from the coordinator's clock
     * @param keys the key provider, which signs with its current key
     * @return the checkpoint, with the index after {@code previous} and its digest
     */
    public static Checkpoint sign(Optional<Checkpoint> previous, long sequence, ChainHash head, Instant at,
                                  KeyProvider keys) {
        long index = previous.map(p -> p.index() + 1).orElse(FIRST_INDEX);
        ChainHash link = previous.map(Checkpoint::digest).orElse(ChainHash.GENESIS);
        KeyProvider.Signed signed = keys.sign(payload(index, sequence, head, link, at));
        return new Checkpoint(index, sequence, head, link, at, signed.keyId(), signed.signature());
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
            verifier.update(payload(index, sequence, head, previous, at));
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
     * The digest the next checkpoint names as its {@link #previous()}: SHA-256 over the signed
     * payload.
     *
     * @return the digest
     */
    public ChainHash digest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(payload(index, sequence, head, previous, at));
            byte[] digest = new byte[ChainHash.BYTES];
            sha256.digest(digest, 0, ChainHash.BYTES);
            return ChainHash.of(digest);
        } catch (NoSuchAlgorithmException | DigestException impossible) {
            throw new AssertionError("every Java platform supports SHA-256", impossible);
        }
    }

    /**
     * Whether this checkpoint directly follows another: the next index, naming its digest.
     *
     * @param before the checkpoint before
     * @return true when this one links to {@code before}
     */
    public boolean follows(Checkpoint before) {
        return index == before.index + 1 && previous.equals(before.digest());
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

    static byte[] payload(long index, long sequence, ChainHash head, ChainHash previous, Instant at) {
        byte[] payload = Arrays.copyOf(TAG, PAYLOAD_BYTES);
        int offset = TAG.length;
        LONG.set(payload, offset, index);
        offset += 8;
        LONG.set(payload, offset, sequence);
        offset += 8;
        head.write(payload, offset);
        offset += ChainHash.BYTES;
        previous.write(payload, offset);
        offset += ChainHash.BYTES;
        LONG.set(payload, offset, at.getEpochSecond());
        offset += 8;
        INT.set(payload, offset, at.getNano());
        return payload;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && index == that.index && sequence == that.sequence
                && head.equals(that.head) && previous.equals(that.previous) && at.equals(that.at)
                && keyId.equals(that.keyId) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, sequence, head, previous, at, keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Checkpoint[index=" + index + ", sequence=" + sequence + ", head=" + head + ", previous=" + previous
                + ", at=" + at + ", keyId=" + keyId + ", signature=" + HexFormat.of().formatHex(signature) + "]";
    }
}
