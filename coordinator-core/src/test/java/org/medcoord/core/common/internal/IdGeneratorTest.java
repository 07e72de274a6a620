package org.medcoord.core.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private final IdGenerator ids = new IdGenerator();

    @Test
    void ids_are_the_prefix_and_twelve_symbols_of_the_alphabet() {
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next("apt");
            assertThat(id).matches("apt-[" + ALPHABET + "]{12}");
        }
    }

    @Test
    void ids_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add(ids.next("evt"))).isTrue();
        }
    }

    /**
     * Every symbol in every position about equally often: a chi-squared statistic over 31 symbols
     * (30 degrees of freedom) stays far below 90, which a fair generator exceeds with a
     * probability of about one in ten million; a generator that never draws one symbol, or maps
     * two bit patterns onto one, lands in the hundreds or thousands.
     */
    @Test
    void symbols_are_equally_likely_in_every_position() {
        int samples = 60_000;
        int[][] counts = new int[12][ALPHABET.length()];
        for (int i = 0; i < samples; i++) {
            String body = ids.next("x").substring(2);
            for (int p = 0; p < 12; p++) {
                counts[p][ALPHABET.indexOf(body.charAt(p))]++;
            }
        }
        double expected = samples / (double) ALPHABET.length();
        for (int p = 0; p < 12; p++) {
            double chi2 = 0;
            for (int count : counts[p]) {
                chi2 += (count - expected) * (count - expected) / expected;
            }
            assertThat(chi2).as("chi-squared at position %d", p).isLessThan(90);
        }
    }
}
