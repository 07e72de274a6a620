package org.medcoord.example.benchmarks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.medcoord.core.schedule.internal.FreeMap;
import org.medcoord.core.schedule.internal.Granules;

/**
 * A seeded hospital calendar: practitioners of a few specialties and rooms, all working weekdays
 * 08:00-17:00 in a zone with daylight saving time, booked with 15, 30 and 45-minute visits on
 * quarter hours until a target share of their working time is taken. The same data is held as
 * sorted intervals (for the baselines) and as free maps (for the engine).
 */
final class SyntheticCalendar {

    /** How many practitioners of one specialty. */
    record Staffing(String specialty, int count) {
    }

    /** What a resource is. {@code specialty} is null for rooms. */
    record Resource(int key, String name, String specialty) {
        boolean isRoom() {
            return specialty == null;
        }
    }

    /**
     * One resource's time, in granules: disjoint sorted working intervals and sorted (by start)
     * busy intervals with the running maximum of their ends.
     */
    record Timeline(long[] workStart, long[] workEnd, long[] busyStart, long[] busyEnd, long[] busyMaxEnd) {
    }

    final ZoneId zone;
    final LocalDate firstDay;
    final int days;
    /** The window: {@code [origin, end)} in granules, midnight to midnight local time. */
    final long origin;
    final long end;
    final List<Resource> resources;
    final Timeline[] timelines;
    final double utilisation;

    private SyntheticCalendar(ZoneId zone, LocalDate firstDay, int days, long origin, long end,
            List<Resource> resources, Timeline[] timelines, double utilisation) {
        this.zone = zone;
        this.firstDay = firstDay;
        this.days = days;
        this.origin = origin;
        this.end = end;
        this.resources = resources;
        this.timelines = timelines;
        this.utilisation = utilisation;
    }

    /**
     * Generates a calendar.
     *
     * @param seed the random seed
     * @param specialties practitioner counts by specialty
     * @param rooms how many rooms
     * @param firstDay the first local day
     * @param days how many days
     * @param zone the zone working hours are in
     * @param target the share of working time to book, for example 0.6
     */
    static SyntheticCalendar generate(long seed, List<Staffing> specialties, int rooms, LocalDate firstDay,
            int days, ZoneId zone, double target) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Resource> resources = new ArrayList<>();
        for (Staffing staffing : specialties) {
            for (int i = 0; i < staffing.count(); i++) {
                resources.add(new Resource(resources.size(), staffing.specialty() + "-" + i, staffing.specialty()));
            }
        }
        for (int i = 0; i < rooms; i++) {
            resources.add(new Resource(resources.size(), "room-" + i, null));
        }

        long origin = Granules.floor(firstDay.atStartOfDay(zone).toInstant());
        long end = Granules.floor(firstDay.plusDays(days).atStartOfDay(zone).toInstant());
        List<long[]> working = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            long from = Granules.ceil(ZonedDateTime.of(day, LocalTime.of(8, 0), zone).toInstant());
            long to = Granules.floor(ZonedDateTime.of(day, LocalTime.of(17, 0), zone).toInstant());
            working.add(new long[] {from, to});
        }
        long[] workStart = working.stream().mapToLong(w -> w[0]).toArray();
        long[] workEnd = working.stream().mapToLong(w -> w[1]).toArray();
        int workGranules = 0;
        for (int i = 0; i < workStart.length; i++) {
            workGranules += (int) (workEnd[i] - workStart[i]);
        }

        Timeline[] timelines = new Timeline[resources.size()];
        long claimedTotal = 0;
        for (int r = 0; r < timelines.length; r++) {
            boolean[] taken = new boolean[(int) (end - origin)];
            List<long[]> bookings = new ArrayList<>();
            int claimed = 0;
            int attempts = 0;
            while (claimed < target * workGranules && attempts++ < 200_000) {
                int day = random.nextInt(workStart.length);
                int quarters = (int) ((workEnd[day] - workStart[day]) / 3);
                int length = 3 * (1 + random.nextInt(3));
                long start = workStart[day] + 3L * random.nextInt(quarters);
                if (start + length > workEnd[day] || !allFalse(taken, start - origin, length)) {
                    continue;
                }
                Arrays.fill(taken, (int) (start - origin), (int) (start - origin) + length, true);
                bookings.add(new long[] {start, start + length});
                claimed += length;
            }
            claimedTotal += claimed;
            bookings.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] busyStart = new long[bookings.size()];
            long[] busyEnd = new long[bookings.size()];
            long[] busyMaxEnd = new long[bookings.size()];
            long max = Long.MIN_VALUE;
            for (int i = 0; i < busyStart.length; i++) {
                busyStart[i] = bookings.get(i)[0];
                busyEnd[i] = bookings.get(i)[1];
                max = Math.max(max, busyEnd[i]);
                busyMaxEnd[i] = max;
            }
            timelines[r] = new Timeline(workStart, workEnd, busyStart, busyEnd, busyMaxEnd);
        }
        double utilisation = (double) claimedTotal / ((double) workGranules * timelines.length);
        return new SyntheticCalendar(zone, firstDay, days, origin, end, List.copyOf(resources), timelines,
                utilisation);
    }

    private static boolean allFalse(boolean[] taken, long from, int length) {
        for (int i = 0; i < length; i++) {
            if (taken[(int) from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The free map of one resource over the whole window: working time minus bookings. */
    FreeMap freeMap(int resource) {
        Timeline t = timelines[resource];
        FreeMap working = new FreeMap(origin, (int) (end - origin));
        for (int i = 0; i < t.workStart().length; i++) {
            working.markFree(t.workStart()[i], t.workEnd()[i]);
        }
        return FreeMap.withClaims(working, t.busyStart(), t.busyEnd(), 1);
    }

    /** Free maps of every resource, indexed by resource key. */
    FreeMap[] freeMaps() {
        FreeMap[] maps = new FreeMap[timelines.length];
        for (int r = 0; r < maps.length; r++) {
            maps[r] = freeMap(r);
        }
        return maps;
    }

    /** Keys of the practitioners of a specialty, in key order. */
    int[] practitioners(String specialty) {
        return resources.stream().filter(r -> specialty.equals(r.specialty())).mapToInt(Resource::key).toArray();
    }

    /** Keys of all rooms, in key order. */
    int[] rooms() {
        return resources.stream().filter(Resource::isRoom).mapToInt(Resource::key).toArray();
    }
}
