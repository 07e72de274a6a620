package org.medcoord.example.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.PatientId;
import org.medcoord.core.audit.internal.AuditChain;
import org.medcoord.core.audit.internal.ChainVerifier;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.KeyProvider;

/**
 * The audit hash chain over 1,000,000 events: the CPU time to append (hash and link) one event,
 * and how many events per second the verifier checks against a signed checkpoint. The baseline,
 * measured in the same run, is a bare SHA-256 over a byte array as long as each event's
 * encoding, so the ratio shows what encoding and linking add to the digest itself.
 *
 * <p>Records are built before timing starts. Each figure is the median of {@value #RUNS} runs
 * after {@value #WARMUP_RUNS} warm-up runs; CPU time is the measuring thread's, from
 * {@link ThreadMXBean#getCurrentThreadCpuTime()}, so load from other processes on the machine
 * does not count against it.
 *
 * <p>Run: {@code mvn -q -pl examples/benchmarks -am package -DskipTests && java -cp
 * "examples/benchmarks/target/classes:$(cat examples/benchmarks/target/cp.txt)"
 * org.medcoord.example.benchmarks.AuditChainBenchmark}
 */
public final class AuditChainBenchmark {
    private static final int EVENTS = 1_000_000;
    private static final int CHECKPOINT_EVERY = 1_000;
    private static final int WARMUP_RUNS = 3;
    private static final int RUNS = 7;
    private static final Instant START = Instant.parse("2027-03-01T08:00:00Z");
    private static final String[] ACTIONS = {"appointment.book", "appointment.read", "appointment.cancel",
        "referral.create", "document.sign", "schedule.search"};

    private static final NodeId NODE = NodeId.of("node-1");

    private AuditChainBenchmark() {
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        List<AuditRecord> records = records(EVENTS, 20_270_301);
        int[] lengths = records.stream().mapToInt(AuditChainBenchmark::encodedLength).toArray();
        GeneratedKeyProvider keys = new GeneratedKeyProvider("benchmark");
        ChainVerifier verifier = new ChainVerifier(keys);

        double[] appendCpu = new double[RUNS];
        double[] appendWall = new double[RUNS];
        double[] baselineCpu = new double[RUNS];
        double[] verifyCpuRate = new double[RUNS];
        double[] verifyWallRate = new double[RUNS];
        List<ChainedEvent> events = new ArrayList<>(EVENTS);
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int run = -WARMUP_RUNS; run < RUNS; run++) {
            events.clear();
            AuditChain chain = AuditChain.empty();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (AuditRecord record : records) {
                events.add(chain.append(record));
            }
            long appendCpuNanos = threads.getCurrentThreadCpuTime() - cpu;
            long appendWallNanos = System.nanoTime() - wall;
            checkpoints.clear();
            checkpoints.addAll(checkpointsEvery(CHECKPOINT_EVERY, events, keys));

            long baselineNanos = bareDigests(lengths, threads);

            cpu = threads.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            AuditVerification report = verifier.verify(events, checkpoints);
            long verifyCpuNanos = threads.getCurrentThreadCpuTime() - cpu;
            long verifyWallNanos = System.nanoTime() - wall;
            if (!report.ok() || report.eventsChecked() != EVENTS
                    || report.vouchedThrough().orElse(0) != EVENTS) {
                throw new IllegalStateException("the untouched chain did not verify: " + report.findings());
            }
            if (run >= 0) {
                appendCpu[run] = (double) appendCpuNanos / EVENTS;
                appendWall[run] = (double) appendWallNanos / EVENTS;
                baselineCpu[run] = (double) baselineNanos / EVENTS;
                verifyCpuRate[run] = EVENTS * 1e9 / verifyCpuNanos;
                verifyWallRate[run] = EVENTS * 1e9 / verifyWallNanos;
            }
        }

        double meanLength = Arrays.stream(lengths).average().orElse(0);
        System.out.printf("%,d events, mean encoded length %.0f bytes, median of %d runs after %d warm-up runs%n%n",
                EVENTS, meanLength, RUNS, WARMUP_RUNS);
        System.out.println("| measure | median | min | max | target |");
        System.out.println("|---|---|---|---|---|");
        row("append, CPU ns/event", appendCpu, "%.0f", "<= 2000");
        row("append, wall ns/event", appendWall, "%.0f", "");
        row("baseline: bare SHA-256 of same length, CPU ns/event", baselineCpu, "%.0f", "");
        row("verify, events/s of CPU time", verifyCpuRate, "%,.0f", ">= 2,000,000");
        row("verify, events/s of wall time", verifyWallRate, "%,.0f", ">= 2,000,000");
        System.out.printf("%nappend / bare SHA-256 (CPU, medians): %.2f%n", median(appendCpu) / median(baselineCpu));
        System.out.printf("verify CPU ns/event / bare SHA-256 (medians): %.2f%n",
                1e9 / median(verifyCpuRate) / median(baselineCpu));
    }

    /**
     * Signed checkpoints every {@code every} events of a chain, each naming the one before, as the
     * sealer signs them.
     */
    static List<Checkpoint> checkpointsEvery(int every, List<ChainedEvent> events, KeyProvider keys) {
        List<Checkpoint> checkpoints = new ArrayList<>(events.size() / every);
        Optional<Checkpoint> previous = Optional.empty();
        for (int i = every - 1; i < events.size(); i += every) {
            ChainedEvent event = events.get(i);
            Checkpoint checkpoint = AuditChain.after(event).checkpoint(previous, event.record().at(), keys);
            checkpoints.add(checkpoint);
            previous = Optional.of(checkpoint);
        }
        return checkpoints;
    }

    /** SHA-256 alone over arrays of the events' encoded lengths, one digest per event. */
    private static long bareDigests(int[] lengths, ThreadMXBean threads) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
        byte[] buffer = new byte[4096];
        new SplittableRandom(1).nextBytes(buffer);
        byte[] out = new byte[32];
        long cpu = threads.getCurrentThreadCpuTime();
        for (int length : lengths) {
            sha256.update(buffer, 0, length);
            try {
                sha256.digest(out, 0, out.length);
            } catch (java.security.DigestException impossible) {
                throw new AssertionError(impossible);
            }
            buffer[0] ^= out[0];
        }
        long nanos = threads.getCurrentThreadCpuTime() - cpu;
        Measure.sink += buffer[0];
        return nanos;
    }

    private static void row(String name, double[] values, String format, String target) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | " + format + " | " + format + " | " + format + " | %s |%n",
                name, median(values), sorted[0], sorted[sorted.length - 1], target);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Records shaped like a clinic's: ids from pools, one to three entities, a patient on most. */
    static List<AuditRecord> records(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        UserId[] users = new UserId[200];
        for (int i = 0; i < users.length; i++) {
            users[i] = UserId.of("user-" + i);
        }
        FacilityId[] facilities = {FacilityId.of("north-campus"), FacilityId.of("south-clinic"), FacilityId.of("imaging-center")};
        PatientId[] patients = new PatientId[20_000];
        for (int i = 0; i < patients.length; i++) {
            patients[i] = PatientId.of("patient-" + i);
        }
        List<AuditRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> entities = random.nextInt(3) == 0
                    ? List.of("appt-" + i, "slot-" + random.nextInt(1_000_000)) : List.of("appt-" + i);
            records.add(new AuditRecord(START.plusMillis(i * 40L + random.nextInt(40)), users[random.nextInt(users.length)],
                    random.nextInt(8) == 0 ? Optional.of(users[random.nextInt(users.length)]) : Optional.empty(),
                    facilities[random.nextInt(facilities.length)], NODE,
                    Purpose.values()[random.nextInt(Purpose.values().length)],
                    ACTIONS[random.nextInt(ACTIONS.length)], entities,
                    random.nextInt(10) == 0 ? Optional.empty() : Optional.of(patients[random.nextInt(patients.length)]),
                    random.nextInt(20) == 0 ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, "ok"));
        }
        return records;
    }

    /** The length of an event's encoding, after the layout documented in the core's ChainEncoding. */
    private static int encodedLength(AuditRecord record) {
        int length = 1 + 8 + 32 + 8 + 4;
        length += string(record.user().value()) + 1 + record.onBehalfOf().map(u -> string(u.value())).orElse(0);
        length += string(record.facility().value()) + string(record.node().value()) + string(record.purpose().code())
                + string(record.action());
        length += 4 + record.entities().stream().mapToInt(AuditChainBenchmark::string).sum();
        length += 1 + record.patient().map(p -> string(p.value())).orElse(0);
        length += string(record.outcome().name()) + string(record.detailCode());
        return length;
    }

    private static int string(String value) {
        return 4 + value.getBytes(StandardCharsets.UTF_8).length;
    }
}
