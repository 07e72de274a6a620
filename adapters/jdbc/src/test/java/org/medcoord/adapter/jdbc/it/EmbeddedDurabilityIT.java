package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.core.Coordinators;
import org.medcoord.spi.storage.Storage;

/**
 * A booking the library has acknowledged survives the process being killed: a child JVM books on
 * an H2 file and prints each acknowledged booking; it is killed with SIGKILL mid-stream; the file
 * is reopened here and every acknowledged booking must be there. Three rounds on the same file,
 * so rounds two and three also start from a file that was itself recovered after a kill.
 *
 * <p>This covers a process crash, not power loss: the operating system still writes out what the
 * killed process handed it.
 */
class EmbeddedDurabilityIT {
    private static final int ROUNDS = 3;
    /** Kill after this many acknowledgements, or after {@link #BOOKING_MILLIS}, whichever is first. */
    private static final int KILL_AFTER = 2_000;
    private static final long BOOKING_MILLIS = 5_000;
    /** Generous bound on the child's start-up; only there so a broken child cannot hang the build. */
    private static final long START_LIMIT_SECONDS = 120;
    private static final String END = "";
    private static final Pattern ACK_LINE = Pattern.compile(Pattern.quote(BookingChild.ACK) + "apt-[a-z0-9]{12}");

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_booking_survives_sigkill() throws Exception {
        Path file = dir.resolve("durability");
        JdbcOptions options = JdbcOptions.embedded(file);
        for (int round = 0; round < ROUNDS; round++) {
            List<AppointmentId> acknowledged = bookUntilKilled(file, round);

            List<AppointmentId> missing = new ArrayList<>();
            try (Coordinator coordinator = Coordinators.builder().plugin(new JdbcStoragePlugin(options))
                    .clock(Clock.fixed(ItClinic.NOW, ZoneOffset.UTC)).build()) {
                CoordinatorSession desk = ItClinic.desk(coordinator, "u-check");
                for (AppointmentId id : acknowledged) {
                    try {
                        assertThat(desk.appointments().get(id).id()).isEqualTo(id);
                    } catch (NotFoundException lost) {
                        missing.add(id);
                    }
                }
            }
            StoredState state;
            try (Storage storage = JdbcStorage.open(options)) {
                state = StoredState.read(storage, ItClinic.resources(BookingChild.CLINICIANS), ItClinic.NOW);
            }
            System.out.printf("durability round %d: %d acknowledged, %d found, %d missing; %d appointments stored "
                            + "in total over all rounds, %d overlaps%n", round + 1, acknowledged.size(),
                    acknowledged.size() - missing.size(), missing.size(), state.appointments.size(),
                    state.overlaps(ItClinic::capacity).size());
            assertThat(missing).as("acknowledged bookings lost by the kill in round %d", round + 1).isEmpty();
            assertThat(state.overlaps(ItClinic::capacity)).isEmpty();
        }
    }

    /** Starts the child, reads its acknowledgements, kills it with SIGKILL, returns every acknowledgement. */
    private List<AppointmentId> bookUntilKilled(Path file, int round) throws IOException, InterruptedException {
        Path stderr = dir.resolve("child-" + round + ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BookingChild.class.getName(), file.toAbsolutePath().toString(), Integer.toString(round),
                round == 0 ? "fresh" : "continue")
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The pipe breaks when the child dies; what was read is what counts.
            } finally {
                lines.add(END);
            }
        }, "child-stdout");
        reader.start();

        List<AppointmentId> acknowledged = new ArrayList<>();
        boolean ended = false;
        String first = lines.poll(START_LIMIT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOOKING_MILLIS);
        for (String line = first; line != null && acknowledged.size() < KILL_AFTER; ) {
            if (line.equals(END)) {
                ended = true;
                break;
            }
            accept(line, acknowledged);
            long left = deadline - System.nanoTime();
            line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        }
        child.destroyForcibly();
        int exit = child.waitFor();
        reader.join();
        if (!ended) {
            // Lines already in the pipe when the kill landed were acknowledged too.
            for (String line = lines.take(); !line.equals(END); line = lines.take()) {
                accept(line, acknowledged);
            }
        }
        assertThat(ended).as(() -> "the child stopped on its own before the kill:\n" + read(stderr)).isFalse();
        assertThat(exit).as("exit status of a process killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(acknowledged).as(() -> "the child acknowledged no booking before the kill:\n" + read(stderr))
                .isNotEmpty();
        return acknowledged;
    }

    private static void accept(String line, List<AppointmentId> acknowledged) {
        // Anything else a library prints on stdout is not an acknowledgement.
        if (ACK_LINE.matcher(line).matches()) {
            acknowledged.add(AppointmentId.of(line.substring(BookingChild.ACK.length())));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
