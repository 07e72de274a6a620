package org.medcoord.core.audit.internal;

import org.medcoord.spi.audit.ChainEncoding;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;

class ChainEncodingTest {
    private static final ChainHash PREVIOUS =
            ChainHash.ofHex("00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210");

    private final ChainEncoding encoding = new ChainEncoding();

    private static AuditRecord record(Optional<UserId> onBehalfOf, List<String> entities, Optional<PatientId> patient,
                                      String action) {
        return new AuditRecord(Instant.parse("2027-03-01T08:15:30.123456789Z"), UserId.of("dr.lee"), onBehalfOf,
                FacilityId.of("north-campus"), NodeId.of("app-2"), Purpose.TREATMENT, action, entities, patient, AuditOutcome.DENIED,
                "access-denied");
    }

    private static AuditRecord sample() {
        return record(Optional.of(UserId.of("nurse:7")), List.of("appt-1", "slot-2"), Optional.of(PatientId.of("p-42")),
                "appointment.book");
    }

    @Test
    void the_encoding_is_the_documented_layout() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(2);
        out.writeLong(42);
        out.write(PREVIOUS.toBytes());
        out.writeLong(Instant.parse("2027-03-01T08:15:30Z").getEpochSecond());
        out.writeInt(123_456_789);
        string(out, "dr.lee");
        out.writeByte(1);
        string(out, "nurse:7");
        string(out, "north-campus");
        string(out, "app-2");
        string(out, "TREAT");
        string(out, "appointment.book");
        out.writeInt(2);
        string(out, "appt-1");
        string(out, "slot-2");
        out.writeByte(1);
        string(out, "p-42");
        string(out, "denied");
        string(out, "access-denied");

        assertThat(encoding.encoded(42, PREVIOUS, sample())).isEqualTo(bytes.toByteArray());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Test
    void the_hash_is_pinned_so_that_a_format_change_cannot_go_unnoticed() {
        assertThat(encoding.hash(42, PREVIOUS, sample()).toHex())
                .isEqualTo("1346d16a5caf27ac6458421843368d02ec0ea960ad020fe98bfb18cabfd1db2f");
    }

    @Test
    void absent_optionals_are_encoded_apart_from_present_ones() {
        AuditRecord absent = record(Optional.empty(), List.of(), Optional.empty(), "a");
        AuditRecord present = record(Optional.of(UserId.of("x")), List.of(), Optional.empty(), "a");

        assertThat(encoding.hash(1, ChainHash.GENESIS, absent)).isNotEqualTo(encoding.hash(1, ChainHash.GENESIS, present));
    }

    @Test
    void entity_boundaries_are_part_of_the_encoding() {
        AuditRecord one = record(Optional.empty(), List.of("ab", "c"), Optional.empty(), "a");
        AuditRecord other = record(Optional.empty(), List.of("a", "bc"), Optional.empty(), "a");
        AuditRecord joined = record(Optional.empty(), List.of("abc"), Optional.empty(), "a");

        assertThat(encoding.hash(1, ChainHash.GENESIS, one))
                .isNotEqualTo(encoding.hash(1, ChainHash.GENESIS, other))
                .isNotEqualTo(encoding.hash(1, ChainHash.GENESIS, joined));
    }

    @Test
    void text_is_utf8_and_unpaired_surrogates_stay_distinct() {
        String text = "réf. 東京 \uD83D\uDE00";
        byte[] encoded = encoding.encoded(1, ChainHash.GENESIS, record(Optional.empty(), List.of(), Optional.empty(), text));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(encoded, StandardCharsets.ISO_8859_1))
                .contains(new String(utf8, StandardCharsets.ISO_8859_1));

        ChainHash lone = encoding.hash(1, ChainHash.GENESIS, record(Optional.empty(), List.of(), Optional.empty(), "a\uD83Db"));
        ChainHash replaced = encoding.hash(1, ChainHash.GENESIS, record(Optional.empty(), List.of(), Optional.empty(), "a?b"));
        ChainHash otherLone = encoding.hash(1, ChainHash.GENESIS, record(Optional.empty(), List.of(), Optional.empty(), "a\uDE00b"));
        assertThat(lone).isNotEqualTo(replaced).isNotEqualTo(otherLone);
    }

    @Test
    void a_long_record_grows_the_buffer() {
        String longAction = "x".repeat(10_000);
        AuditRecord big = record(Optional.empty(), List.of(), Optional.empty(), longAction);

        assertThat(encoding.encoded(1, ChainHash.GENESIS, big)).hasSizeGreaterThan(10_000);
        assertThat(encoding.hash(1, ChainHash.GENESIS, big)).isEqualTo(new ChainEncoding().hash(1, ChainHash.GENESIS, big));
    }

    @Test
    void the_chain_numbers_events_and_links_each_to_the_one_before() {
        AuditChain chain = AuditChain.empty();
        ChainedEvent first = chain.append(sample());
        ChainedEvent second = chain.append(sample());

        assertThat(first.sequence()).isEqualTo(AuditChain.FIRST_SEQUENCE);
        assertThat(first.previousHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash()).isEqualTo(encoding.hash(2, first.hash(), sample()));
        assertThat(chain.headSequence()).isEqualTo(2);
        assertThat(chain.headHash()).isEqualTo(second.hash());

        ChainedEvent third = AuditChain.after(second).append(sample());
        assertThat(third.sequence()).isEqualTo(3);
        assertThat(third.previousHash()).isEqualTo(second.hash());
    }

    @Test
    void hashes_read_back_from_bytes_and_hex() {
        ChainHash hash = encoding.hash(1, ChainHash.GENESIS, sample());

        assertThat(ChainHash.of(hash.toBytes())).isEqualTo(hash);
        assertThat(ChainHash.ofHex(hash.toHex())).isEqualTo(hash);
        assertThat(hash.toString()).hasSize(64);
    }
}
