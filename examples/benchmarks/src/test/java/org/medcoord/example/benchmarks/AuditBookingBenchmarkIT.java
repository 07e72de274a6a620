package org.medcoord.example.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The audit-on/off booking benchmark runs end to end in its quick form, on both backends, and its
 * audited runs verify; the figures are not checked.
 */
class AuditBookingBenchmarkIT {

    @Test
    void the_quick_run_prints_every_row() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AuditBookingBenchmark.run(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).containsPattern("\\| memory \\| 1 \\| 500 \\| \\d+ \\| \\d+ \\| \\d+\\.\\d\\d \\| \\d+\\.\\d\\d-\\d+\\.\\d\\d \\|")
                .containsPattern("\\| memory \\| 4 \\| 500 \\|").containsPattern("\\| H2 file \\| 1 \\| 100 \\|")
                .containsPattern("\\| H2 file \\| 4 \\| 100 \\|")
                .contains("| audit off, attempts/s | audit on, attempts/s | on / off, median of pairs |")
                .contains("| audit on, attempts/s | audit witnessed, attempts/s | witnessed / on, median of pairs |");
        assertThat(out.split("\\| H2 file \\| 4 \\| 100 \\|", -1)).hasSize(3);
    }
}
