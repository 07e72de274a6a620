package org.medcoord.example.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU time spent by this JVM and, on Linux, by a local database server's processes (the
 * postmaster whose data directory is given, and every process it started). Used to say where a
 * booking's cost goes: on a machine with few cores, throughput ratios are CPU ratios.
 */
final class CpuMeter {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path postmasterPid;

    private CpuMeter(Path postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** Counts this JVM only (an in-process database such as H2 is part of it). */
    static CpuMeter jvmOnly() {
        return new CpuMeter(null);
    }

    /**
     * Counts this JVM and a PostgreSQL server.
     *
     * @param dataDirectory the server's data directory, holding {@code postmaster.pid}
     * @return the meter
     */
    static CpuMeter withServer(Path dataDirectory) {
        return new CpuMeter(dataDirectory.resolve("postmaster.pid"));
    }

    /** A reading: nanoseconds of CPU of the JVM and of the server (-1 when it cannot be read). */
    record Reading(long jvm, long server) {
        Reading minus(Reading earlier) {
            return new Reading(jvm - earlier.jvm, server < 0 || earlier.server < 0 ? -1 : server - earlier.server);
        }
    }

    Reading read() {
        return new Reading(OS.getProcessCpuTime(), postmasterPid == null ? 0 : serverNanos().orElse(-1));
    }

    private OptionalLong serverNanos() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            long ticks = 0;
            for (long[] p : processes()) {
                if (p[0] == postmaster || p[1] == postmaster) {
                    ticks += p[2];
                }
            }
            return OptionalLong.of(ticks * 1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Every process as {pid, parent pid, user + system ticks}. */
    private static List<long[]> processes() throws IOException {
        List<long[]> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // pid (comm) state ppid ... utime(14) stime(15): comm may contain spaces.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.add(new long[] {Long.parseLong(dir.getFileName().toString()), Long.parseLong(f[1]),
                        Long.parseLong(f[11]) + Long.parseLong(f[12])});
            }
        }
        return out;
    }
}
