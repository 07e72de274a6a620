package org.medcoord.example.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.CheckpointWitnesses;
import org.medcoord.core.audit.internal.AuditChain;
import org.medcoord.core.audit.internal.ChainSealer;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.ChainEncoding;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.storage.Storage;

/**
 * A privacy officer's {@code audit().verify()} over a stored chain of {@value #DEFAULT_EVENTS}
 * events with a signed checkpoint every {@value #CHECKPOINT_EVERY}, on an H2 file and on
 * PostgreSQL, in events per second of wall time; against the baseline, measured in the same run,
 * of SHA-256 over the same events' encoded bytes held in memory, with no storage. Verification
 * reads every event and every checkpoint through the storage port, re-hashes every event, checks
 * every checkpoint's signature and head, and compares the store with a file witness, so the
 * ratio says what reading the chain from storage and checking it cost over the hashing alone.
 *
 * <p>The chain is written before timing starts: the records appended in transactions of 1,000,
 * then sealed by the core's sealer, which signs the checkpoints and hands them to the witness.
 * Each figure is the median of {@value #RUNS} verifications after one warm-up, each by the same
 * coordinator (each verification adds its own audit record, which the next one checks too).
 *
 * <p>Run: {@code mvn -q -B -pl examples/benchmarks -am package -DskipTests && java -Xmx4g -cp
 * "examples/benchmarks/target/classes:$(cat examples/benchmarks/target/cp.txt)"
 * org.medcoord.example.benchmarks.AuditVerifyBenchmark} (add an event count to run fewer).
 */
public final class AuditVerifyBenchmark {
    private static final int DEFAULT_EVENTS = 1_000_000;
    private static final int CHECKPOINT_EVERY = 1_000;
    private static final int APPEND_BATCH = 1_000;
    private static final int RUNS = 3;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-13T08:00:00Z"), ZoneOffset.UTC);

    private AuditVerifyBenchmark() {
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args optionally the number of events
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        run(args.length == 0 ? DEFAULT_EVENTS : Integer.parseInt(args[0]), RUNS, System.out);
    }

    /**
     * Runs the comparison on both backends.
     *
     * @param events how many events the chain holds
     * @param runs how many timed verifications per backend
     * @param out where the table goes
     * @throws Exception when the database fails
     */
    static void run(int events, int runs, PrintStream out) throws Exception {
        List<AuditRecord> records = AuditChainBenchmark.records(events, 20_271_213);
        List<byte[]> encoded = encodings(records);
        double[] baseline = new double[runs];
        hashAll(encoded);
        for (int r = 0; r < runs; r++) {
            baseline[r] = hashAll(encoded);
        }
        double hashRate = BookingWorkload.median(baseline);
        out.printf("%,d events, a checkpoint every %,d; mean encoded length %.0f bytes; median of %d runs after one "
                + "warm-up%n%n", events, CHECKPOINT_EVERY, encoded.stream().mapToInt(b -> b.length).average()
                .orElse(0), runs);
        out.println("| backend | fill, s | verify, events/s (wall) | min | max | JVM CPU s per run "
                + "| baseline: SHA-256 of the same bytes, events/s | verify / baseline |");
        out.println("|---|---|---|---|---|---|---|---|");
        Path work = Files.createTempDirectory("medcoord-audit-verify-bench");
        try {
            measure(out, "H2 file", JdbcOptions.embedded(work.resolve("h2").resolve("audit")), work.resolve("h2"),
                    records, runs, hashRate);
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).start()) {
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE audit");
                }
                measure(out, "PostgreSQL 14", JdbcOptions.postgres(postgres.getJdbcUrl("postgres", "audit"),
                        "postgres", "postgres"), work.resolve("pg-witness"), records, runs, hashRate);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void measure(PrintStream out, String backend, JdbcOptions options, Path dir,
                                List<AuditRecord> records, int runs, double hashRate) throws SQLException {
        KeyProvider keys = new GeneratedKeyProvider("bench");
        Path witness = dir.resolve("witness").resolve("audit.witness");
        long fillStart = System.nanoTime();
        fill(options, keys, witness, records);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        CpuMeter cpu = CpuMeter.jvmOnly();
        double[] rates = new double[runs];
        double[] cpuSeconds = new double[runs];
        try (Coordinator coordinator = Coordinators.builder().plugin(new JdbcStoragePlugin(options))
                .plugin(keyPlugin(keys)).checkpointWitness(CheckpointWitnesses.file(witness)).clock(CLOCK).build()) {
            var officer = coordinator.session(Actor.of("privacy-bench", "fac-1", Role.PRIVACY_OFFICER),
                    Purpose.OPERATIONS).audit();
            for (int r = -1; r < runs; r++) {
                CpuMeter.Reading before = cpu.read();
                long start = System.nanoTime();
                AuditVerification report = officer.verify();
                long nanos = System.nanoTime() - start;
                CpuMeter.Reading used = cpu.read().minus(before);
                if (!report.ok() || report.eventsChecked() < records.size()
                        || report.checkpointsChecked() < records.size() / CHECKPOINT_EVERY - 1) {
                    throw new IllegalStateException("the stored chain did not verify: " + report.summary());
                }
                if (r >= 0) {
                    rates[r] = report.eventsChecked() * 1e9 / nanos;
                    cpuSeconds[r] = used.jvm() / 1e9;
                }
            }
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double rate = BookingWorkload.median(rates);
        out.printf("| %s | %.0f | %,.0f | %,.0f | %,.0f | %.1f | %,.0f | %.2f |%n", backend, fillSeconds, rate, sorted[0],
                sorted[sorted.length - 1], BookingWorkload.median(cpuSeconds), hashRate, rate / hashRate);
    }

    /** Appends the records through the storage port and seals them, a checkpoint every 1,000. */
    private static void fill(JdbcOptions options, KeyProvider keys, Path witness, List<AuditRecord> records) {
        Storage storage = new JdbcStoragePlugin(options).storages().get(0);
        try {
            for (int from = 0; from < records.size(); from += APPEND_BATCH) {
                List<AuditRecord> batch = records.subList(from, Math.min(records.size(), from + APPEND_BATCH));
                storage.inTransaction(tx -> {
                    batch.forEach(tx.audit()::append);
                    return null;
                });
            }
            ChainSealer sealer = new ChainSealer(storage, CLOCK, keys, true, List.of(),
                    List.of(CheckpointWitnesses.file(witness)), true, CHECKPOINT_EVERY);
            long sealed = sealer.seal();
            if (sealed != records.size()) {
                throw new IllegalStateException("sealed " + sealed + " of " + records.size() + " records");
            }
        } finally {
            storage.close();
        }
    }

    /** Each event's encoding, as the verifier hashes it, computed over the chain in memory. */
    private static List<byte[]> encodings(List<AuditRecord> records) {
        ChainEncoding encoding = new ChainEncoding();
        AuditChain chain = AuditChain.empty();
        List<byte[]> encoded = new ArrayList<>(records.size());
        ChainHash previous = ChainHash.GENESIS;
        for (AuditRecord record : records) {
            ChainedEvent event = chain.append(record);
            encoded.add(encoding.encoded(event.sequence(), previous, record));
            previous = event.hash();
        }
        return encoded;
    }

    /** SHA-256 over every encoding, in events per second of wall time. */
    private static double hashAll(List<byte[]> encoded) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
        long start = System.nanoTime();
        byte folded = 0;
        for (byte[] bytes : encoded) {
            folded ^= sha256.digest(bytes)[0];
        }
        long nanos = System.nanoTime() - start;
        Measure.sink += folded;
        return encoded.size() * 1e9 / nanos;
    }

    private static CoordinatorPlugin keyPlugin(KeyProvider keys) {
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return "bench-keys";
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return List.of(keys);
            }
        };
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
