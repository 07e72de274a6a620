package org.medcoord.spi.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.medcoord.api.common.InvalidRequestException;

/**
 * A SHA-256 value in the audit chain, held as four big-endian longs so that it is immutable,
 * compares by value and costs no array copies. {@code w0} holds bytes 0 to 7 of the digest,
 * {@code w3} bytes 24 to 31.
 *
 * @param w0 digest bytes 0 to 7
 * @param w1 digest bytes 8 to 15
 * @param w2 digest bytes 16 to 23
 * @param w3 digest bytes 24 to 31
 * @since 0.1
 */
public record ChainHash(long w0, long w1, long w2, long w3) {
    /** The number of bytes in a hash. */
    public static final int BYTES = 32;

    /** The previous hash of the first event in a chain: 32 zero bytes. */
    public static final ChainHash GENESIS = new ChainHash(0, 0, 0, 0);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Reads a hash from 32 bytes.
     *
     * @param bytes the digest, exactly 32 bytes
     * @return the hash
     */
    public static ChainHash of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw InvalidRequestException.of("hash", "must be " + BYTES + " bytes");
        }
        return read(bytes, 0);
    }

    /**
     * Parses 64 hexadecimal digits.
     *
     * @param hex the hash in hexadecimal
     * @return the hash
     */
    public static ChainHash ofHex(String hex) {
        if (hex.length() != 2 * BYTES) {
            throw InvalidRequestException.of("hash", "must be " + 2 * BYTES + " hexadecimal digits");
        }
        try {
            return of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException notHex) {
            throw InvalidRequestException.of("hash", "must be hexadecimal");
        }
    }

    /**
     * Reads a hash from 32 bytes of a larger array, without copying.
     *
     * @param bytes the array
     * @param offset where the digest starts
     * @return the hash
     */
    public static ChainHash read(byte[] bytes, int offset) {
        return new ChainHash((long) LONGS.get(bytes, offset), (long) LONGS.get(bytes, offset + 8),
                (long) LONGS.get(bytes, offset + 16), (long) LONGS.get(bytes, offset + 24));
    }

    /**
     * Whether this hash equals the 32 bytes at an offset, without copying.
     *
     * @param bytes the array
     * @param offset where the digest starts
     * @return true when they are equal
     */
    public boolean equalsAt(byte[] bytes, int offset) {
        return w0 == (long) LONGS.get(bytes, offset) && w1 == (long) LONGS.get(bytes, offset + 8)
                && w2 == (long) LONGS.get(bytes, offset + 16) && w3 == (long) LONGS.get(bytes, offset + 24);
    }

    /**
     * Writes the 32 digest bytes into an array.
     *
     * @param bytes the array, with room for 32 bytes at {@code offset}
     * @param offset where to write
     */
    public void write(byte[] bytes, int offset) {
        LONGS.set(bytes, offset, w0);
        LONGS.set(bytes, offset + 8, w1);
        LONGS.set(bytes, offset + 16, w2);
        LONGS.set(bytes, offset + 24, w3);
    }

    /**
     * The digest bytes.
     *
     * @return a new array of 32 bytes
     */
    public byte[] toBytes() {
        byte[] bytes = new byte[BYTES];
        write(bytes, 0);
        return bytes;
    }

    /**
     * The digest in lower-case hexadecimal.
     *
     * @return 64 hexadecimal digits
     */
    public String toHex() {
        return HexFormat.of().formatHex(toBytes());
    }

    @Override
    public String toString() {
        return toHex();
    }
}
