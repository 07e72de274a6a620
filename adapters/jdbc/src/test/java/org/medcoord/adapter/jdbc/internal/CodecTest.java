package org.medcoord.adapter.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The length-prefixed text encoding round-trips any text, and refuses text it did not write. */
class CodecTest {
    @Test
    void fieldsAreLengthPrefixedAndAbsentOnesAreADash() {
        assertThat(Codec.fields("r0", "dr-a")).isEqualTo("2:r04:dr-a");
        assertThat(Codec.fields(null, "", "-")).isEqualTo("-0:1:-");
        assertThat(Codec.encode(List.of())).isEmpty();
    }

    @Test
    void awkwardTextRoundTrips() {
        List<String> fields = Arrays.asList("", "-", ":", "12:", "3:abc", null, "\u00e9\u6f22\ud83d\ude00", "a\nb\u0000c",
                "x".repeat(10_000), null);

        assertThat(Codec.decode(Codec.encode(fields))).isEqualTo(fields);
    }

    @Test
    void nestedListsRoundTrip() {
        List<List<String>> records = List.of(List.of("a", "1:b"), List.of(), List.of("", "c"));

        String text = Codec.encodeAll(records, Codec::encode);

        assertThat(Codec.decodeAll(text, f -> f)).isEqualTo(records);
    }

    @Test
    void randomFieldsRoundTrip() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            String[] fields = new String[random.nextInt(6)];
            for (int i = 0; i < fields.length; i++) {
                if (random.nextInt(8) == 0) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    text.append("0123456789:-ab\u00e9".charAt(random.nextInt(15)));
                }
                fields[i] = text.toString();
            }
            assertThat(Codec.decode(Codec.encode(Arrays.asList(fields)))).containsExactly(fields);
        }
    }

    @Test
    void setsAreStoredSortedSoEqualSetsAreStoredAlike() {
        assertThat(Codec.sorted(java.util.Set.of("b", "a", "c"))).isEqualTo("1:a1:b1:c");
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : new String[] {"5:abc", "x", ":a", "3", "1234567890:x", "+1:a", "1:a2"}) {
            assertThatThrownBy(() -> Codec.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
