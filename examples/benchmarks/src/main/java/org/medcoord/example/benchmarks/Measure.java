package org.medcoord.example.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A small timing harness: warm up for a while, then take repeated samples, each running an
 * operation enough times to last at least a millisecond, and report the median and the 90th
 * percentile of the time per operation.
 */
final class Measure {

    /** Keeps the JIT from discarding results. */
    static volatile long sink;

    /** Nanoseconds per operation. */
    record Stats(double median, double p90, int samples, long batch) {
        String format() {
            return Measure.format(median) + " (p90 " + Measure.format(p90) + ")";
        }
    }

    private Measure() {
    }

    /**
     * Times several operations that answer the same question. Warm-up and samples are
     * interleaved (one sample of each operation per round), so that a burst of load from
     * elsewhere on the machine hits all of them alike rather than one.
     */
    static Stats[] compare(long warmupMillis, int samples, LongSupplier... operations) {
        int n = operations.length;
        long acc = 0;
        long[] ops = new long[n];
        long[] spent = new long[n];
        long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000 * n;
        while (System.nanoTime() < warmupEnd || min(ops) < 3) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                long burstEnd = t0 + 20_000_000;
                do {
                    acc += operations[i].getAsLong();
                    ops[i]++;
                } while (System.nanoTime() < burstEnd && ops[i] % 64 != 0);
                spent[i] += System.nanoTime() - t0;
            }
        }
        long[] batch = new long[n];
        for (int i = 0; i < n; i++) {
            batch[i] = Math.max(1, (long) Math.ceil(1_000_000.0 * ops[i] / spent[i]));
        }
        double[][] times = new double[n][samples];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                for (long b = 0; b < batch[i]; b++) {
                    acc += operations[i].getAsLong();
                }
                times[i][s] = (double) (System.nanoTime() - t0) / batch[i];
            }
        }
        sink += acc;
        Stats[] stats = new Stats[n];
        for (int i = 0; i < n; i++) {
            double[] t = times[i];
            Arrays.sort(t);
            double median = samples % 2 == 1 ? t[samples / 2] : (t[samples / 2 - 1] + t[samples / 2]) / 2;
            stats[i] = new Stats(median, t[(int) Math.ceil(0.9 * samples) - 1], samples, batch[i]);
        }
        return stats;
    }

    private static long min(long[] values) {
        long min = Long.MAX_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    static String format(double nanos) {
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000);
    }
}
