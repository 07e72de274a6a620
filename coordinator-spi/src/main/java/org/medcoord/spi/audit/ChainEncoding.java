package org.medcoord.spi.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.PatientId;

/**
 * The canonical binary form of a chained audit event and its SHA-256. One instance reuses one
 * buffer and one digest, so hashing allocates nothing but the result. Not thread safe: each
 * chain and each verification run has its own.
 *
 * <p>Version 2 of the encoding (version 1 lacked the node), all integers big-endian, every field self-delimiting, so two
 * different events never share an encoding:
 * <pre>
 * u8      2                     format version
 * i64     sequence
 * 32 B    previous hash
 * i64     at, seconds since the epoch
 * i32     at, nanoseconds of the second
 * str     user
 * opt     onBehalfOf            u8 0 when absent; u8 1 then str when present
 * str     facility
 * str     node
 * str     purpose               the HL7 PurposeOfUse code, for example TREAT
 * str     action
 * i32     number of entities, then str for each, in order
 * opt     patient
 * str     outcome               success | denied | failed
 * str     detailCode
 * </pre>
 * {@code str} is an i32 byte count followed by the string in UTF-8, where an unpaired surrogate
 * (which UTF-8 cannot represent) is written as its own three-byte sequence, as in WTF-8; this
 * keeps the encoding one-to-one over every Java string rather than replacing such characters
 * with {@code ?}. Nothing here depends on the JVM, the platform charset or the locale.
 *
 * <p>Public so that the contract kit, adapters and external auditors can recompute and check
 * hashes; the core chains and verifies with it.
 *
 * @since 0.1
 */
public final class ChainEncoding {
    /** The format version written first. */
    public static final byte VERSION = 2;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final MessageDigest sha256 = sha256();
    private final byte[] digest = new byte[ChainHash.BYTES];
    private byte[] buffer = new byte[512];
    private int length;

    /** Creates an encoder with its own buffer and digest. */
    public ChainEncoding() {
    }

    /**
     * Hashes an event.
     *
     * @param sequence the event's sequence number
     * @param previous the previous event's hash
     * @param record the audit record
     * @return the event's hash
     */
    public ChainHash hash(long sequence, ChainHash previous, AuditRecord record) {
        encode(sequence, previous, record);
        digest();
        return ChainHash.read(digest, 0);
    }

    /**
     * Whether an event's stored hash is the hash of its stored sequence, previous hash and record.
     *
     * @param event the event as read back
     * @return true when they agree
     */
    public boolean matches(ChainedEvent event) {
        encode(event.sequence(), event.previousHash(), event.record());
        digest();
        return event.hash().equalsAt(digest, 0);
    }

    /**
     * The encoding of an event, as a new array.
     *
     * @param sequence the sequence number
     * @param previous the previous hash
     * @param record the record
     * @return the bytes that are hashed
     */
    public byte[] encoded(long sequence, ChainHash previous, AuditRecord record) {
        encode(sequence, previous, record);
        return Arrays.copyOf(buffer, length);
    }

    private void encode(long sequence, ChainHash previous, AuditRecord record) {
        length = 0;
        Instant at = record.at();
        ensure(1 + 8 + ChainHash.BYTES + 8 + 4);
        buffer[length++] = VERSION;
        putLong(sequence);
        previous.write(buffer, length);
        length += ChainHash.BYTES;
        putLong(at.getEpochSecond());
        putInt(at.getNano());
        putString(record.user().value());
        Optional<UserId> onBehalfOf = record.onBehalfOf();
        if (onBehalfOf.isPresent()) {
            putPresent();
            putString(onBehalfOf.get().value());
        } else {
            putAbsent();
        }
        putString(record.facility().value());
        putString(record.node().value());
        putString(record.purpose().code());
        putString(record.action());
        List<String> entities = record.entities();
        int count = entities.size();
        ensure(4);
        putInt(count);
        for (int i = 0; i < count; i++) {
            putString(entities.get(i));
        }
        Optional<PatientId> patient = record.patient();
        if (patient.isPresent()) {
            putPresent();
            putString(patient.get().value());
        } else {
            putAbsent();
        }
        putString(outcomeCode(record.outcome()));
        putString(record.detailCode());
    }

    /** Fixed here rather than taken from the enum's names, so renaming a constant cannot change a hash. */
    private static String outcomeCode(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "success";
            case DENIED -> "denied";
            case FAILED -> "failed";
        };
    }

    private void digest() {
        sha256.update(buffer, 0, length);
        try {
            sha256.digest(digest, 0, ChainHash.BYTES);
        } catch (DigestException impossible) {
            throw new AssertionError("a 32-byte buffer holds a SHA-256 digest", impossible);
        }
    }

    private void putPresent() {
        ensure(1);
        buffer[length++] = 1;
    }

    private void putAbsent() {
        ensure(1);
        buffer[length++] = 0;
    }

    private void putLong(long value) {
        LONG.set(buffer, length, value);
        length += 8;
    }

    private void putInt(int value) {
        INT.set(buffer, length, value);
        length += 4;
    }

    private void putString(String value) {
        int chars = value.length();
        ensure(4 + 3 * chars);
        byte[] out = buffer;
        int start = length;
        int at = start + 4;
        // Branch-free copy for the usual all-ASCII text; anything else is rewritten from the start.
        int seen = 0;
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            seen |= c;
            out[at + i] = (byte) c;
        }
        at = seen < 0x80 ? at + chars : putUtf8(value, out, at);
        INT.set(out, start, at - start - 4);
        length = at;
    }

    private static int putUtf8(String value, byte[] out, int from) {
        int at = from;
        int chars = value.length();
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError("every Java platform supports SHA-256", impossible);
        }
    }
}
