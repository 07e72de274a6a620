package org.medcoord.example.benchmarks;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.common.ConflictException;
import org.medcoord.core.CoordinatorBuilder;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.CheckpointWitnesses;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.AuditQuery;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.SealedRecord;
import org.medcoord.spi.audit.UnsealedRecord;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.TransactionWork;

/**
 * Booking with the audit trail on against booking with it off, on the same backend: the memory
 * adapter and an H2 file. "On" is MedCoord as hosts get it: each booking inserts its audit record
 * in its own transaction, the background sealer chains the records with the default settings
 * (every 5 s, and after every 1,000 records the node appends), and the timed region ends with a
 * privacy officer's verification, which seals the rest, signs a checkpoint and verifies the whole
 * chain. "Off" wraps the same storage so that its audit store drops every record
 * (a switch for this benchmark only; hosts cannot turn the audit off). Runs alternate on and off so
 * that drifting load on the machine hits both alike; the ratio of each off/on pair is taken, and the
 * median of those ratios (with their range) is reported, so that a slow drift over the run cancels.
 *
 * <p>A second table compares "on" with "witnessed": the same, plus a checkpoint signed every
 * {@value #WITNESSED_CHECKPOINT_EVERY} events (instead of every 10,000) and each one appended to a
 * {@link CheckpointWitnesses#file file witness} and forced to the device, so that what sealing and
 * witnessing checkpoints add to booking shows.
 *
 * <p>Run: {@code mvn -q -B -pl examples/benchmarks -am package -DskipTests && java -cp
 * "examples/benchmarks/target/classes:$(cat examples/benchmarks/target/cp.txt)"
 * org.medcoord.example.benchmarks.AuditBookingBenchmark}
 */
public final class AuditBookingBenchmark {
    /** How often the witnessed runs sign a checkpoint. */
    static final int WITNESSED_CHECKPOINT_EVERY = 1_000;

    /** What a run audits. */
    private enum Mode {
        /** Every audit record dropped. */
        OFF,
        /** The defaults hosts get. */
        ON,
        /** The defaults, a checkpoint every 1,000 events, each appended to a file witness. */
        WITNESSED
    }

    private AuditBookingBenchmark() {
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args {@code memory} or {@code h2} to run one backend only; nothing for both
     * @throws Exception when a worker fails
     */
    public static void main(String[] args) throws Exception {
        run(false, System.out, args.length == 0 ? "all" : args[0]);
    }

    /**
     * Runs every comparison.
     *
     * @param quick short runs, for the test that runs this end to end; the figures mean nothing then
     * @param out where the table goes
     * @throws Exception when a worker fails
     */
    static void run(boolean quick, PrintStream out) throws Exception {
        run(quick, out, "all");
    }

    private static void run(boolean quick, PrintStream out, String backends) throws Exception {
        int repetitions = quick ? 1 : 9;
        Path dir = Files.createTempDirectory("medcoord-audit-bench");
        try {
            int[] file = {0};
            Supplier<Storage> memory = MemoryStorage::new;
            Supplier<Storage> h2 = () -> JdbcStorage.open(JdbcOptions.embedded(dir.resolve("bench-" + ++file[0])));
            Supplier<Path> witnesses = () -> dir.resolve("witness-" + ++file[0]);
            for (Mode[] pair : List.of(new Mode[] {Mode.OFF, Mode.ON}, new Mode[] {Mode.ON, Mode.WITNESSED})) {
                String before = pair[0].name().toLowerCase(java.util.Locale.ROOT);
                String after = pair[1].name().toLowerCase(java.util.Locale.ROOT);
                out.printf("%n| backend | threads | attempts per run | audit %s, attempts/s | audit %s, attempts/s "
                        + "| %s / %s, median of pairs | range |%n", before, after, after, before);
                out.println("|---|---|---|---|---|---|---|");
                Runs runs = new Runs(out, pair[0], pair[1], witnesses, repetitions);
                if (!backends.equals("h2")) {
                    runs.compare("memory", memory, 1, quick ? 500 : 20_000);
                    runs.compare("memory", memory, 4, quick ? 500 : 20_000);
                }
                if (!backends.equals("memory")) {
                    runs.compare("H2 file", h2, 1, quick ? 100 : 6_000);
                    runs.compare("H2 file", h2, 4, quick ? 100 : 6_000);
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Pairs of runs, {@code before} then {@code after}, one row per backend and thread count. */
    private record Runs(PrintStream out, Mode before, Mode after, Supplier<Path> witnesses, int repetitions) {
        void compare(String backend, Supplier<Storage> storages, int threads, int attempts) throws Exception {
            if (repetitions > 1) {
                measure(storages, before, witnesses, threads, attempts / 4);
                measure(storages, after, witnesses, threads, attempts / 4);
            }
            double[] first = new double[repetitions];
            double[] second = new double[repetitions];
            double[] ratios = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                first[r] = measure(storages, before, witnesses, threads, attempts);
                second[r] = measure(storages, after, witnesses, threads, attempts);
                ratios[r] = second[r] / first[r];
            }
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            out.printf("| %s | %d | %d | %.0f | %.0f | %.2f | %.2f-%.2f |%n", backend, threads, attempts,
                    BookingWorkload.median(first), BookingWorkload.median(second), BookingWorkload.median(ratios),
                    sorted[0], sorted[sorted.length - 1]);
        }
    }

    /** Attempts per second, over the bookings and, with the audit on, the final seal and verification. */
    private static double measure(Supplier<Storage> storages, Mode mode, Supplier<Path> witnesses, int threads,
                                  int attempts) throws Exception {
        Storage storage = storages.get();
        boolean auditOn = mode != Mode.OFF;
        Storage used = auditOn ? storage : new AuditOff(storage);
        try (Coordinator coordinator = clinic(used, mode == Mode.WITNESSED ? Optional.of(witnesses.get())
                : Optional.empty())) {
            CoordinatorSession desk = coordinator.session(Actor.of("u-bench", "fac-1", Role.SCHEDULER),
                    Purpose.TREATMENT);
            CoordinatorSession officer = coordinator.session(Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER),
                    Purpose.OPERATIONS);
            AtomicLong done = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                int share = attempts / threads;
                futures.add(pool.submit(() -> book(desk, seed, share, done)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            AuditVerification report = officer.audit().verify();
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            if (!report.ok() || auditOn && report.eventsChecked() < attempts / threads * threads
                    || mode == Mode.WITNESSED && report.checkpointsChecked() < report.eventsChecked()
                    / (2 * WITNESSED_CHECKPOINT_EVERY)) {
                throw new IllegalStateException("the audit chain did not verify: " + report);
            }
            return done.get() / seconds;
        }
    }

    private static void book(CoordinatorSession desk, int seed, int attempts, AtomicLong done) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < attempts; i++) {
            try {
                desk.appointments().book(BookingWorkload.attempt(random, seed, i));
            } catch (ConflictException lost) {
                // a lost race is an attempt too, audited as a failed call
            }
            done.incrementAndGet();
        }
    }

    private static Coordinator clinic(Storage storage, Optional<Path> witness) {
        CoordinatorBuilder builder = Coordinators.builder();
        witness.ifPresent(file -> builder.checkpointWitness(CheckpointWitnesses.file(file))
                .checkpointEvery(WITNESSED_CHECKPOINT_EVERY));
        Coordinator coordinator = builder.plugin(new CoordinatorPlugin() {
            @Override
            public String id() {
                return "bench-storage";
            }

            @Override
            public List<Storage> storages() {
                return List.of(storage);
            }
        }).clock(BookingWorkload.clock()).build();
        BookingWorkload.setUp(coordinator);
        return coordinator;
    }

    /** The same storage with an audit store that keeps nothing: the benchmark's "audit off". */
    private static final class AuditOff implements Storage {
        private final Storage storage;

        AuditOff(Storage storage) {
            this.storage = storage;
        }

        @Override
        public <T> T inTransaction(TransactionWork<T> work) {
            return storage.inTransaction(tx -> work.run(withoutAudit(tx)));
        }

        @Override
        public <T> T read(TransactionWork<T> work) {
            return storage.read(tx -> work.run(withoutAudit(tx)));
        }

        @Override
        public java.util.Set<Class<?>> stores() {
            return storage.stores();
        }

        @Override
        public String describe() {
            return storage.describe() + " without audit";
        }

        @Override
        public void close() {
            storage.close();
        }

        private static StorageTransaction withoutAudit(StorageTransaction tx) {
            return (StorageTransaction) Proxy.newProxyInstance(StorageTransaction.class.getClassLoader(),
                    new Class<?>[] {StorageTransaction.class}, (proxy, method, args) -> {
                        if (method.getName().equals("audit") && method.getParameterCount() == 0) {
                            return NOTHING;
                        }
                        if (method.getName().equals("store") && args[0] == AuditStore.class) {
                            return NOTHING;
                        }
                        if (method.getName().equals("find") && args[0] == AuditStore.class) {
                            return java.util.Optional.of(NOTHING);
                        }
                        try {
                            return method.invoke(tx, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    private static final AuditStore NOTHING = new AuditStore() {
        @Override
        public void append(AuditRecord record) {
        }

        @Override
        public List<AuditRecord> all() {
            return List.of();
        }

        @Override
        public ChainHead lockHead() {
            return ChainHead.EMPTY;
        }

        @Override
        public List<UnsealedRecord> unsealed(int limit) {
            return List.of();
        }

        @Override
        public void seal(List<SealedRecord> sealed) {
        }

        @Override
        public List<ChainedEvent> chain(long fromSequence, int limit) {
            return List.of();
        }

        @Override
        public List<ChainedEvent> find(AuditQuery query) {
            return List.of();
        }

        @Override
        public void addCheckpoint(Checkpoint checkpoint) {
        }

        @Override
        public List<Checkpoint> checkpoints(long fromIndex, int limit) {
            return List.of();
        }

        @Override
        public Optional<Checkpoint> latestCheckpoint() {
            return Optional.empty();
        }

        @Override
        public long sinkMark(String sinkId) {
            return 0;
        }

        @Override
        public void setSinkMark(String sinkId, long sequence) {
        }
    };
}
