package org.medcoord.example.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.medcoord.core.schedule.internal.FreeMap;
import org.medcoord.core.schedule.internal.Granules;
import org.medcoord.core.schedule.internal.SlotEngine;
import org.medcoord.core.schedule.internal.SlotEngine.Match;

/**
 * Times the free-slot search engine against the sweep baselines on a seeded calendar of 1,000
 * resources over 90 days, after checking that all of them return identical results. Prints a
 * Markdown table; see RESULTS.md for how to run it.
 */
public final class SearchBenchmark {

    private static final long SEED = 20251006L;
    private static final int VARIANTS = 16;

    private SearchBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args none
     */
    public static void main(String[] args) {
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        SyntheticCalendar calendar = SyntheticCalendar.generate(SEED,
                List.of(new SyntheticCalendar.Staffing("cardiology", 180),
                        new SyntheticCalendar.Staffing("general", 200),
                        new SyntheticCalendar.Staffing("dermatology", 120)),
                500, LocalDate.of(2025, 10, 6), 90, ZoneId.of("America/New_York"), 0.6);
        FreeMap[] maps = calendar.freeMaps();
        int[] cardiology = calendar.practitioners("cardiology");
        int[] rooms = calendar.rooms();
        System.out.printf(Locale.ROOT, "calendar: %d resources (%d cardiology, %d rooms), %d days from %s %s,"
                + " %d granules, booked %.1f%% of working time, generated in %.1f s%n",
                calendar.resources.size(), cardiology.length, rooms.length, calendar.days, calendar.firstDay,
                calendar.zone, calendar.end - calendar.origin, 100 * calendar.utilisation,
                (System.nanoTime() - started) / 1e9);

        // One cardiology practitioner and one room, 30 minutes, 15-minute step, 5 minutes after.
        int[][] visitRoles = {cardiology, rooms};
        SplittableRandom random = new SplittableRandom(SEED);
        Visit[] earliest = new Visit[VARIANTS];
        for (int i = 0; i < VARIANTS; i++) {
            long from = calendar.origin + random.nextLong(60L * Granules.PER_DAY);
            earliest[i] = new Visit(from, calendar.end, 3, 0, 6, 1, visitRoles, 10);
        }
        Visit all = new Visit(calendar.origin, calendar.end, 3, 0, 6, 1, visitRoles, Integer.MAX_VALUE);
        Visit[] single = new Visit[VARIANTS];
        for (int i = 0; i < VARIANTS; i++) {
            int resource = random.nextInt(maps.length);
            single[i] = new Visit(calendar.origin, calendar.end, 3, 0, 6, 0, new int[][] {{resource}},
                    Integer.MAX_VALUE);
        }
        SlotEngine.Request[] earliestRequests = Arrays.stream(earliest).map(v -> v.toRequest(maps))
                .toArray(SlotEngine.Request[]::new);
        SlotEngine.Request allRequest = all.toRequest(maps);
        SlotEngine.Request[] singleRequests = Arrays.stream(single).map(v -> v.toRequest(maps))
                .toArray(SlotEngine.Request[]::new);

        // Identical results first, or no timing at all.
        int earliestFound = 0;
        for (int i = 0; i < VARIANTS; i++) {
            List<Match> engine = SlotEngine.search(earliestRequests[i]);
            requireSame("earliest 10, variant " + i, engine, SweepBaseline.checkEveryCandidate(calendar, earliest[i]));
            requireSame("earliest 10, variant " + i, engine, SweepBaseline.firstFit(calendar, earliest[i]));
            earliestFound += engine.size();
        }
        List<Match> allEngine = SlotEngine.search(allRequest);
        requireSame("all options", allEngine, SweepBaseline.checkEveryCandidate(calendar, all));
        requireSame("all options", allEngine, SweepBaseline.firstFit(calendar, all));
        int singleFound = 0;
        for (int i = 0; i < VARIANTS; i++) {
            long[] engine = starts(SlotEngine.feasibleStarts(singleRequests[i]));
            int resource = single[i].roles()[0][0];
            requireSame("availability, variant " + i, engine, SweepBaseline.availability(calendar, resource, single[i]));
            requireSame("availability, variant " + i, engine,
                    SweepBaseline.availabilityByCursor(calendar, resource, single[i]));
            singleFound += engine.length;
        }
        System.out.printf(Locale.ROOT, "identical results: earliest-10 %d options over %d variants, all options %d,"
                + " availability %d starts over %d resources%n",
                earliestFound, VARIANTS, allEngine.size(), singleFound, VARIANTS);

        List<String> rows = new ArrayList<>();
        int[] next = new int[1];
        Measure.Stats[] earliestStats = time(
                () -> SlotEngine.search(earliestRequests[next[0]++ & (VARIANTS - 1)]).size(),
                () -> SweepBaseline.checkEveryCandidate(calendar, earliest[next[0]++ & (VARIANTS - 1)]).size(),
                () -> SweepBaseline.firstFit(calendar, earliest[next[0]++ & (VARIANTS - 1)]).size());
        rows.add(row("1. earliest 10 options: 1 of " + cardiology.length + " cardiologists + 1 of " + rooms.length
                + " rooms, from 16 start times", earliestFound / VARIANTS + " options each",
                earliestStats, "<= 1 ms and >= 10x A", 1_000_000, 10));
        Measure.Stats[] allStats = time(
                () -> SlotEngine.search(allRequest).size(),
                () -> SweepBaseline.checkEveryCandidate(calendar, all).size(),
                () -> SweepBaseline.firstFit(calendar, all).size());
        rows.add(row("2. all options over the 90 days, same visit", allEngine.size() + " options",
                allStats, "(none set)", 0, 0));
        Measure.Stats[] singleStats = time(
                () -> SlotEngine.feasibleStarts(singleRequests[next[0]++ & (VARIANTS - 1)]).nextFree(0),
                () -> {
                    Visit v = single[next[0]++ & (VARIANTS - 1)];
                    return SweepBaseline.availability(calendar, v.roles()[0][0], v).length;
                },
                () -> {
                    Visit v = single[next[0]++ & (VARIANTS - 1)];
                    return SweepBaseline.availabilityByCursor(calendar, v.roles()[0][0], v).length;
                });
        rows.add(row("3. one resource's availability over the 90 days (feasibleStarts), 16 resources",
                singleFound / VARIANTS + " starts each", singleStats, "<= 5 µs", 5_000, 0));
        Measure.Stats build = time(() -> calendar.freeMaps().length)[0];

        System.out.println();
        System.out.println("| Scenario | Found | Engine median (p90) | Baseline A: check every candidate"
                + " | A / engine | Baseline B: lazy first-fit, cursors | B / engine | Target | Met |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("Building the free maps of all 1,000 resources from working hours and bookings: "
                + build.format());
        System.out.printf(Locale.ROOT, "%s, %d cores, load average %s before and %s after, total run %.0f s%n",
                machine(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(),
                (System.nanoTime() - started) / 1e9);
    }

    private static Measure.Stats[] time(LongSupplier... operations) {
        return Measure.compare(1_000, 21, operations);
    }

    private static String row(String scenario, String found, Measure.Stats[] stats, String target,
            double targetNanos, double targetRatio) {
        Measure.Stats engine = stats[0];
        Measure.Stats a = stats[1];
        Measure.Stats b = stats[2];
        String met = "-";
        if (targetNanos > 0) {
            boolean ok = engine.median() <= targetNanos && a.median() / engine.median() >= targetRatio;
            met = ok ? "yes" : "**no**";
        }
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0fx | %s | %.1fx | %s | %s |", scenario, found,
                engine.format(), a.format(), a.median() / engine.median(), b.format(), b.median() / engine.median(),
                target, met);
    }

    private static long[] starts(FreeMap map) {
        long[] starts = new long[map.countFree()];
        int n = 0;
        for (long g = map.nextFree(map.origin()); g != FreeMap.NONE; g = map.nextFree(g + 1)) {
            starts[n++] = g;
        }
        return starts;
    }

    private static void requireSame(String what, List<Match> engine, List<Match> baseline) {
        if (!engine.equals(baseline)) {
            throw new IllegalStateException("engine and baseline differ for " + what + ": engine found "
                    + engine.size() + ", baseline " + baseline.size() + "; first engine " + first(engine)
                    + ", first baseline " + first(baseline));
        }
    }

    private static void requireSame(String what, long[] engine, long[] baseline) {
        if (!Arrays.equals(engine, baseline)) {
            throw new IllegalStateException("engine and baseline differ for " + what + ": engine found "
                    + engine.length + " starts, baseline " + baseline.length);
        }
    }

    private static String first(List<Match> matches) {
        return matches.isEmpty() ? "none" : matches.get(0).toString();
    }

    /** The 1-minute load average: other work on the machine skews every figure. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the CPU model is only informative.
        }
        return cpu + ", Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
