package org.medcoord.adapter.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medcoord.api.common.InvalidRequestException;

/** Instants as epoch nanoseconds: exact inside the range, clamped bounds, named errors outside. */
class NanosTest {
    @Test
    void instantsRoundTripToTheNanosecond() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "2030-01-07T09:00:00.123456789Z",
                "1969-12-31T23:59:59.999999999Z", "1677-09-21T00:12:43.145224192Z", "2262-04-11T23:47:16.854775807Z",
                "1900-06-01T12:00:00.000000001Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(Nanos.instant(Nanos.of(instant, "t"))).as(text).isEqualTo(instant);
        }
        assertThat(Nanos.of(Nanos.MIN, "t")).isEqualTo(Long.MIN_VALUE);
        assertThat(Nanos.of(Nanos.MAX, "t")).isEqualTo(Long.MAX_VALUE);
        assertThat(Nanos.of(Instant.ofEpochSecond(-1, 1), "t")).isEqualTo(-999_999_999L);
    }

    @Test
    void orderIsKept() {
        assertThat(Nanos.of(Instant.parse("1969-12-31T23:59:59.5Z"), "t"))
                .isLessThan(Nanos.of(Instant.parse("1970-01-01T00:00:00Z"), "t"));
    }

    @Test
    void instantsOutsideTheRangeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Nanos.of(Nanos.MAX.plusNanos(1), "claims[0].end"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("claims[0].end: must be between");
        assertThatThrownBy(() -> Nanos.of(Instant.MIN, "start")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void boundsAreClamped() {
        assertThat(Nanos.bound(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(Nanos.bound(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(Nanos.bound(Instant.EPOCH)).isZero();
    }
}
