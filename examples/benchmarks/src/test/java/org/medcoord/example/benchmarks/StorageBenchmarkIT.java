package org.medcoord.example.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The storage benchmark's main runs end to end in its quick form (short rounds): both backends,
 * every comparison, and statement counting that actually sees the driver's traffic. Its timing
 * figures are not checked; they mean nothing at this length. The round trips of a search are: they
 * do not depend on timing.
 */
class StorageBenchmarkIT {

    @Test
    void the_quick_run_prints_every_table_and_counts_statements() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StorageBenchmark.run(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("| H2 file | 1 | free slots", "| PostgreSQL | 8 | free slots",
                "| PostgreSQL | 8 | one hot resource");
        // Issue 3's target: a search (its audit record included) costs one round trip once the
        // facility data is cached.
        for (String days : new String[] {"90", "7"}) {
            assertThat(out).containsPattern("\\| PostgreSQL \\| findSlots, one clinician \\+ one room, " + days
                    + " days \\| \\d+ slots \\| 1 \\| [1-9]\\d* \\|");
        }
        assertThat(out).containsPattern("\\| H2 file \\| book, one clinician, free slot \\| booked \\| none "
                + "\\(in-process\\) \\| [1-9]\\d* \\|");
        assertThat(out).contains("INSERT INTO \"medcoord\".claims");
    }
}
