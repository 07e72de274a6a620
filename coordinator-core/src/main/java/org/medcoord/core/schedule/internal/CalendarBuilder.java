package org.medcoord.core.schedule.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.WeeklyHours;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.storage.Claim;

/**
 * Turns templates, unavailability and claims into one {@link FreeMap} per resource.
 *
 * <p>Working time is rounded inwards to whole granules and busy time outwards, so a start on
 * the granule grid is free in the map exactly when the visit fits the raw intervals.
 * Templates are expanded per local date in the resource's zone, so 08:00 stays 08:00 across a
 * change of clocks; a local time skipped by a spring-forward gap moves to the time after the gap.
 */
public final class CalendarBuilder {
    private CalendarBuilder() {
    }

    /**
     * Builds the free maps for a range.
     *
     * @param resources the resources
     * @param templates their templates
     * @param unavailability their unavailability
     * @param claims their active claims
     * @param from the first granule
     * @param to the granule after the last
     * @return a map per resource id
     */
    public static Map<ResourceId, FreeMap> build(List<Resource> resources, List<WeeklyTemplate> templates,
                                                 List<Unavailability> unavailability, List<Claim> claims,
                                                 long from, long to) {
        Map<ResourceId, List<WeeklyTemplate>> templatesByResource = new HashMap<>();
        for (WeeklyTemplate t : templates) {
            templatesByResource.computeIfAbsent(t.resource(), k -> new ArrayList<>()).add(t);
        }
        Map<ResourceId, FreeMap> maps = new HashMap<>();
        int length = Math.toIntExact(to - from);
        for (Resource r : resources) {
            FreeMap map = new FreeMap(from, length);
            markWorking(map, r.zone(), templatesByResource.getOrDefault(r.id(), List.of()), from, to);
            maps.put(r.id(), map);
        }
        for (Unavailability u : unavailability) {
            FreeMap map = maps.get(u.resource());
            if (map != null) {
                map.markBusy(Granules.floor(u.start()), Granules.ceil(u.end()));
            }
        }
        Map<ResourceId, List<Claim>> claimsByResource = new HashMap<>();
        for (Claim c : claims) {
            claimsByResource.computeIfAbsent(c.resource(), k -> new ArrayList<>()).add(c);
        }
        for (Resource r : resources) {
            List<Claim> own = claimsByResource.get(r.id());
            if (own == null) {
                continue;
            }
            FreeMap map = maps.get(r.id());
            if (r.capacity() == 1) {
                for (Claim c : own) {
                    map.markBusy(Granules.floor(c.start()), Granules.ceil(c.end()));
                }
            } else {
                long[] starts = new long[own.size()];
                long[] ends = new long[own.size()];
                for (int i = 0; i < own.size(); i++) {
                    starts[i] = Granules.floor(own.get(i).start());
                    ends[i] = Granules.ceil(own.get(i).end());
                }
                maps.put(r.id(), FreeMap.withClaims(map, starts, ends, r.capacity()));
            }
        }
        return maps;
    }

    private static void markWorking(FreeMap map, ZoneId zone, List<WeeklyTemplate> templates, long from, long to) {
        if (templates.isEmpty()) {
            return;
        }
        List<Span> worked = new ArrayList<>();
        LocalDate first = Granules.toInstant(from).atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = Granules.toInstant(to).atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (WeeklyTemplate template : templates) {
                if (!template.appliesOn(date)) {
                    continue;
                }
                for (WeeklyHours hours : template.hours()) {
                    if (hours.day() != date.getDayOfWeek()) {
                        continue;
                    }
                    Instant start = ZonedDateTime.of(date, hours.start(), zone).toInstant();
                    Instant end = ZonedDateTime.of(date, hours.end(), zone).toInstant();
                    if (end.isAfter(start)) {
                        worked.add(new Span(start, end));
                    }
                }
            }
        }
        // Round the union, not each piece: 08:00-09:07 and 09:06-10:00 together leave no gap at 09:05.
        worked.sort(Comparator.comparing(Span::start));
        Span run = null;
        for (Span next : worked) {
            if (run != null && !next.start().isAfter(run.end())) {
                run = next.end().isAfter(run.end()) ? new Span(run.start(), next.end()) : run;
            } else {
                markInward(map, run);
                run = next;
            }
        }
        markInward(map, run);
    }

    private static void markInward(FreeMap map, Span run) {
        if (run == null) {
            return;
        }
        long s = Granules.ceil(run.start());
        long e = Granules.floor(run.end());
        if (e > s) {
            map.markFree(s, e);
        }
    }

    /** Working time before rounding, {@code [start, end)}. */
    private record Span(Instant start, Instant end) {
    }
}
