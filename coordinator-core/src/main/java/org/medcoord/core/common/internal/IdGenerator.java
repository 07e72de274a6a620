package org.medcoord.core.common.internal;

import java.security.SecureRandom;

/**
 * Makes short, unguessable ids such as {@code apt-7k2m9q4xw3ab}: a prefix and twelve characters of
 * a lower-case base-32 alphabet without look-alike letters (31 symbols, about 59 bits).
 *
 * <p>Each character takes five random bits; the one value of 32 that has no symbol is drawn
 * again, so every symbol is equally likely. One 64-bit draw from the {@link SecureRandom}
 * usually covers a whole id (twelve characters need 60 bits), where a draw per character would
 * cost twelve trips through the generator's lock.
 */
public final class IdGenerator {
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 12;
    private static final int BITS = 5;
    private static final int MASK = (1 << BITS) - 1;
    private final SecureRandom random = new SecureRandom();

    /**
     * A new id.
     *
     * @param prefix the prefix, for example {@code apt}
     * @return the id
     */
    public String next(String prefix) {
        char[] out = new char[LENGTH];
        long bits = random.nextLong();
        int left = Long.SIZE / BITS;
        for (int i = 0; i < LENGTH; ) {
            if (left == 0) {
                bits = random.nextLong();
                left = Long.SIZE / BITS;
            }
            int symbol = (int) (bits & MASK);
            bits >>>= BITS;
            left--;
            if (symbol < ALPHABET.length) {
                out[i++] = ALPHABET[symbol];
            }
        }
        return prefix + "-" + new String(out);
    }
}
