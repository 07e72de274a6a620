package org.medcoord.core.common.internal;

import java.security.SecureRandom;

/**
 * Makes short, unguessable ids such as {@code apt-7k2m9q4xw3ab}: a prefix and twelve characters of
 * a lower-case base-32 alphabet without look-alike letters (about 60 bits).
 */
public final class IdGenerator {
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /**
     * A new id.
     *
     * @param prefix the prefix, for example {@code apt}
     * @return the id
     */
    public String next(String prefix) {
        char[] out = new char[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return prefix + "-" + new String(out);
    }
}
