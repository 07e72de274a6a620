package org.medcoord.example.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.medcoord.adapter.memory.MemoryStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.common.ConflictException;
import org.medcoord.core.Coordinators;

/**
 * In-memory booking throughput through the public API (validation, access check, availability
 * check, rule chain, atomic claim, audit record and outbox event per booking): one thread, then
 * four threads contending for the same ten resources. Each measurement runs on a fresh
 * coordinator; the median of the repetitions is reported.
 *
 * <p>Run: {@code mvn -q -B -DskipTests package && java -cp
 * "examples/benchmarks/target/classes:$(cat examples/benchmarks/target/cp.txt)"
 * org.medcoord.example.benchmarks.BookingBenchmark}
 */
public final class BookingBenchmark {
    private static final int ATTEMPTS = 20_000;
    private static final int REPETITIONS = 5;

    private BookingBenchmark() {
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args ignored
     * @throws Exception when a worker fails
     */
    public static void main(String[] args) throws Exception {
        run(1, 2, ATTEMPTS / 4);
        run(4, 2, ATTEMPTS / 4);
        double[] single = run(1, REPETITIONS, ATTEMPTS);
        double[] four = run(4, REPETITIONS, ATTEMPTS);
        System.out.println("| threads | attempts per run | median attempts/s | median booked/s | booked share |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| 1 | %d | %.0f | %.0f | %.2f |%n", ATTEMPTS, single[0], single[1], single[1] / single[0]);
        System.out.printf("| 4 | %d | %.0f | %.0f | %.2f |%n", ATTEMPTS, four[0], four[1], four[1] / four[0]);
        System.out.printf("4 threads / 1 thread (attempts/s): %.2f%n", four[0] / single[0]);
    }

    /** Returns the medians of attempts/s and booked/s. */
    private static double[] run(int threads, int repetitions, int attempts) throws Exception {
        double[] attemptRates = new double[repetitions];
        double[] bookedRates = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            try (Coordinator coordinator = clinic()) {
                CoordinatorSession desk = coordinator.session(Actor.of("u-bench", "fac-1", Role.SCHEDULER),
                        Purpose.TREATMENT);
                AtomicLong booked = new AtomicLong();
                AtomicLong conflicts = new AtomicLong();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> futures = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    int seed = r * 100 + t;
                    int share = attempts / threads;
                    futures.add(pool.submit(() -> book(desk, seed, share, booked, conflicts)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                pool.shutdown();
                attemptRates[r] = (booked.get() + conflicts.get()) / seconds;
                bookedRates[r] = booked.get() / seconds;
            }
        }
        return new double[] {BookingWorkload.median(attemptRates), BookingWorkload.median(bookedRates)};
    }

    private static void book(CoordinatorSession desk, int seed, int attempts, AtomicLong booked, AtomicLong conflicts) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < attempts; i++) {
            BookCommand command = BookingWorkload.attempt(random, seed, i);
            try {
                desk.appointments().book(command);
                booked.incrementAndGet();
            } catch (ConflictException lost) {
                conflicts.incrementAndGet();
            }
        }
    }

    private static Coordinator clinic() {
        Coordinator coordinator = Coordinators.builder().plugin(new MemoryStoragePlugin())
                .clock(BookingWorkload.clock()).build();
        BookingWorkload.setUp(coordinator);
        return coordinator;
    }
}
