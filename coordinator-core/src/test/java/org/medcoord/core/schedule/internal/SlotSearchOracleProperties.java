package org.medcoord.core.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.medcoord.adapter.memory.MemoryStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.TimeOfDay;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyHours;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.Coordinators;
import org.medcoord.core.TestClock;

/**
 * Slot search through the public API against a brute-force oracle written from the raw calendar:
 * the resources, templates, unavailability and service defined, and the appointments and holds
 * made through the API first. The oracle walks every start on the service's step and checks it
 * plainly, with {@link ZonedDateTime#of} for template times, instant arithmetic for everything else
 * and backtracking in role order for the assignment; it never rounds to granules.
 *
 * <p>Calendars are random and straddle clock changes: New York, London and Berlin in spring and
 * autumn, Lord Howe (a 30-minute shift) and Kathmandu (+05:45). Template times fall on 5- and
 * 15-minute boundaries and, now and then, on any minute.
 */
class SlotSearchOracleProperties {

    static final ServiceTypeId SEARCHED = ServiceTypeId.of("visit");
    static final List<PatientId> PATIENTS = List.of(PatientId.of("p-0"), PatientId.of("p-1"), PatientId.of("p-2"));
    static final List<String> TAGS = List.of("a", "b");
    static final List<String> SITES = List.of("north", "south");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    static final List<ZoneId> ZONES = List.of(NEW_YORK, ZoneId.of("Europe/London"), ZoneId.of("Europe/Berlin"),
            LORD_HOWE, ZoneId.of("Asia/Kathmandu"));

    /** Days on which clocks change in the zone (Kathmandu never changes; it is there for +05:45). */
    static final List<Anchor> ANCHORS = List.of(
            new Anchor(LocalDate.of(2027, 3, 14), NEW_YORK),
            new Anchor(LocalDate.of(2027, 11, 7), NEW_YORK),
            new Anchor(LocalDate.of(2027, 3, 28), ZoneId.of("Europe/London")),
            new Anchor(LocalDate.of(2027, 10, 31), ZoneId.of("Europe/London")),
            new Anchor(LocalDate.of(2027, 3, 28), ZoneId.of("Europe/Berlin")),
            new Anchor(LocalDate.of(2027, 4, 4), LORD_HOWE),
            new Anchor(LocalDate.of(2027, 10, 3), LORD_HOWE),
            new Anchor(LocalDate.of(2027, 6, 1), ZoneId.of("Asia/Kathmandu")));

    // ------------------------------------------------------------------ properties

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void slot_search_equals_the_brute_force_oracle(@ForAll("scenarios") Scenario scenario) {
        try (Clinic clinic = Clinic.open(scenario)) {
            Oracle oracle = new Oracle(scenario, clinic.services, clinic.booked, clinic.holds);
            for (Ask ask : scenario.asks()) {
                SlotQuery query = ask.query(scenario);
                List<SlotOption> actual = clinic.desk.findSlots(query);
                List<SlotOption> expected = oracle.search(query);
                assertSameOptions(expected, actual, query);
                Statistics.label("options").collect(expected.isEmpty() ? "none"
                        : expected.size() == query.limit() ? "limit reached" : "some");
            }
            oracle.rejections.forEach(reason -> Statistics.label("rejected starts").collect(reason));
            oracle.boundaries.forEach(bound -> Statistics.label("bounds met").collect(bound));
            Statistics.label("existing claims").collect(clinic.booked.stream()
                    .anyMatch(a -> a.status().claimsResources()) ? "booked" : "none booked");
            Statistics.label("live holds").collect(clinic.holds.stream()
                    .anyMatch(h -> scenario.now().isBefore(h.expiresAt())) ? "some" : "none");
        }

        // Over all tries the oracle must have turned starts down for every reason, and found options.
        Statistics.label("rejected starts").coverage(c -> {
            for (String reason : List.of("patient busy", "time of day", "not working", "unavailable", "claimed",
                    "needs distinct resources")) {
                c.check(reason).count(n -> n > 0);
            }
        });
        Statistics.label("options").coverage(c -> {
            c.check("some").percentage(p -> p > 10);
            c.check("limit reached").count(n -> n > 0);
        });
        Statistics.label("live holds").coverage(c -> c.check("some").count(n -> n > 0));
        Statistics.label("bounds met").coverage(c -> {
            for (String bound : List.of("start on from", "start on to", "start on the notice",
                    "start on the horizon")) {
                c.check(bound).count(n -> n > 0);
            }
        });
    }

    @Example
    void a_night_template_on_the_us_spring_forward_day_keeps_its_local_times() {
        LocalDate sunday = LocalDate.of(2027, 3, 14);
        List<SlotOption> options = nightShift(NEW_YORK, sunday, "01:30", "03:30");

        // 01:30-03:30 on that night is only one hour long: 02:00 EST is 03:00 EDT.
        assertThat(options).extracting(SlotOption::start).containsExactly(
                Instant.parse("2027-03-14T06:30:00Z"), Instant.parse("2027-03-14T06:45:00Z"),
                Instant.parse("2027-03-14T07:00:00Z"), Instant.parse("2027-03-14T07:15:00Z"));
        assertThat(options).extracting(o -> o.start().atZone(NEW_YORK).toOffsetDateTime().toString()).containsExactly(
                "2027-03-14T01:30-05:00", "2027-03-14T01:45-05:00", "2027-03-14T03:00-04:00", "2027-03-14T03:15-04:00");
    }

    @Example
    void a_night_template_on_the_us_fall_back_day_works_the_repeated_hour() {
        LocalDate sunday = LocalDate.of(2027, 11, 7);
        List<SlotOption> options = nightShift(NEW_YORK, sunday, "01:30", "03:30");

        // 01:30 EDT to 03:30 EST is three hours: 01:00-02:00 happens twice.
        assertThat(options).extracting(SlotOption::start).containsExactlyElementsOf(
                IntStream.range(0, 12).mapToObj(i -> Instant.parse("2027-11-07T05:30:00Z").plusSeconds(900L * i))
                        .toList());
    }

    @Example
    void a_night_template_across_the_lord_howe_half_hour_shift_loses_half_an_hour() {
        LocalDate sunday = LocalDate.of(2027, 10, 3);
        List<SlotOption> options = nightShift(LORD_HOWE, sunday, "01:30", "03:00");

        // 02:00 +10:30 is 02:30 +11:00, so 01:30-03:00 lasts an hour.
        assertThat(options).extracting(o -> o.start().atZone(LORD_HOWE).toOffsetDateTime().toString()).containsExactly(
                "2027-10-03T01:30+10:30", "2027-10-03T01:45+10:30", "2027-10-03T02:30+11:00", "2027-10-03T02:45+11:00");
    }

    @Example
    void overlapping_hours_that_meet_inside_a_granule_leave_no_gap() {
        LocalDate monday = LocalDate.of(2027, 3, 15);
        ZoneId zone = ZoneId.of("Europe/Berlin");
        TestClock clock = new TestClock(monday.minusDays(3).atStartOfDay(zone).toInstant());
        try (Coordinator coordinator = Coordinators.builder().plugin(new MemoryStoragePlugin()).clock(clock).build()) {
            ScheduleAdministration admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR),
                    Purpose.OPERATIONS).schedule();
            Resource room = Resource.of("room", ResourceKind.LOCATION, "Room", zone, "main");
            admin.defineResource(room);
            // Two rotas that together cover 08:00-10:00 without a break, meeting at 09:06-09:07.
            admin.addTemplate(WeeklyTemplate.of(room.id(), monday, "08:00", "09:07", DayOfWeek.MONDAY));
            admin.addTemplate(WeeklyTemplate.of(room.id(), monday, "09:06", "10:00", DayOfWeek.MONDAY));
            ServiceType visit = ServiceType.of("visit", "Visit", Duration.ofMinutes(30),
                    ResourceRequirement.of("room", ResourceKind.LOCATION));
            admin.defineService(visit);
            Appointments desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER), Purpose.TREATMENT)
                    .appointments();

            List<SlotOption> options = desk.findSlots(SlotQuery.earliest(visit.id(), PatientId.of("p-1"),
                    monday.atStartOfDay(zone).toInstant(), monday.plusDays(1).atStartOfDay(zone).toInstant(), 100));

            assertThat(options).extracting(o -> o.start().atZone(zone).toLocalTime().toString())
                    .containsExactly("08:00", "08:15", "08:30", "08:45", "09:00", "09:15", "09:30");
        }
    }

    /** All 15-minute options on one local day for one resource working {@code start-end} that day. */
    private static List<SlotOption> nightShift(ZoneId zone, LocalDate day, String start, String end) {
        TestClock clock = new TestClock(day.minusDays(3).atStartOfDay(zone).toInstant());
        try (Coordinator coordinator = Coordinators.builder().plugin(new MemoryStoragePlugin()).clock(clock).build()) {
            ScheduleAdministration admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR),
                    Purpose.OPERATIONS).schedule();
            Resource nurse = Resource.of("night-nurse", ResourceKind.PRACTITIONER, "Night nurse", zone, "main");
            admin.defineResource(nurse);
            admin.addTemplate(WeeklyTemplate.of(nurse.id(), day.minusDays(7), start, end, day.getDayOfWeek()));
            ServiceType check = ServiceType.of("night-check", "Night check", Duration.ofMinutes(15),
                    ResourceRequirement.of("nurse", ResourceKind.PRACTITIONER));
            admin.defineService(check);
            Appointments desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER), Purpose.TREATMENT)
                    .appointments();
            List<SlotOption> options = desk.findSlots(SlotQuery.earliest(check.id(), PatientId.of("p-night"),
                    day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), 100));
            assertThat(options).allSatisfy(o -> {
                assertThat(o.end()).isEqualTo(o.start().plus(check.duration()));
                assertThat(o.resources()).containsExactly(new RoleAssignment("nurse", nurse.id()));
            });
            return options;
        }
    }

    // ------------------------------------------------------------------ the oracle

    /** Decides every start from the raw calendar, one plain check at a time. */
    static final class Oracle {
        private final Scenario scenario;
        private final Map<ServiceTypeId, ServiceType> services;
        private final List<Appointment> booked;
        private final List<Hold> holds;
        /** Why starts were turned down, for the statistics. */
        final Set<String> rejections = new TreeSet<>();
        /** Which bounds of the range a start fell exactly on, for the statistics. */
        final Set<String> boundaries = new TreeSet<>();

        Oracle(Scenario scenario, Map<ServiceTypeId, ServiceType> services, List<Appointment> booked,
               List<Hold> holds) {
            this.scenario = scenario;
            this.services = services;
            this.booked = booked;
            this.holds = holds;
        }

        List<SlotOption> search(SlotQuery query) {
            ServiceType service = services.get(query.service());
            Instant now = scenario.now();
            Preferences prefs = query.preferences();
            List<List<Resource>> roles = new ArrayList<>();
            for (ResourceRequirement requirement : service.requirements()) {
                List<Resource> qualifying = scenario.resources().stream()
                        .filter(r -> r.kind() == requirement.kind() && r.tags().containsAll(requirement.tags()))
                        .toList();
                // "Only" narrows just the roles for which it names at least one qualifying resource.
                boolean narrowed = qualifying.stream().anyMatch(r -> prefs.onlyResources().contains(r.id()));
                roles.add(qualifying.stream()
                        .filter(r -> prefs.sites().isEmpty() || prefs.sites().contains(r.site()))
                        .filter(r -> !narrowed || prefs.onlyResources().contains(r.id()))
                        .sorted(Comparator.comparing((Resource r) -> !prefs.preferredResources().contains(r.id()))
                                .thenComparing(r -> r.id().value()))
                        .toList());
            }
            if (roles.stream().anyMatch(List::isEmpty)) {
                return List.of();
            }
            ZoneId partsZone = prefs.zone().orElse(roles.get(0).get(0).zone());

            Instant earliest = later(query.from(), now.plus(service.minimumNotice()));
            Instant latest = now.plus(service.maximumHorizon());
            long step = service.slotStep().getSeconds();
            long firstSecond = earliest.getEpochSecond() + (earliest.getNano() > 0 ? 1 : 0);
            List<SlotOption> options = new ArrayList<>();
            for (long t = Math.floorDiv(firstSecond + step - 1, step) * step; ; t += step) {
                Instant start = Instant.ofEpochSecond(t);
                if (start.equals(query.to())) {
                    boundaries.add("start on to");
                }
                if (!start.isBefore(query.to()) || start.isAfter(latest) || options.size() == query.limit()) {
                    break;
                }
                if (start.equals(latest)) {
                    boundaries.add("start on the horizon");
                }
                if (start.equals(earliest)) {
                    boundaries.add(earliest.equals(query.from()) ? "start on from" : "start on the notice");
                }
                Instant end = start.plus(service.duration());
                if (patientBusy(query.patient(), start, end)) {
                    rejections.add("patient busy");
                    continue;
                }
                LocalTime local = start.atZone(partsZone).toLocalTime();
                if (!prefs.timesOfDay().isEmpty() && prefs.timesOfDay().stream().noneMatch(p -> p.contains(local))) {
                    rejections.add("time of day");
                    continue;
                }
                Instant from = start.minus(service.bufferBefore());
                Instant to = end.plus(service.bufferAfter());
                List<Resource> chosen = assign(roles, new ArrayList<>(), from, to);
                if (chosen == null) {
                    continue;
                }
                List<RoleAssignment> assignments = new ArrayList<>();
                for (int i = 0; i < chosen.size(); i++) {
                    assignments.add(new RoleAssignment(service.requirements().get(i).role(), chosen.get(i).id()));
                }
                options.add(new SlotOption(service.id(), start, end, assignments));
            }
            return options;
        }

        /** The first assignment by backtracking: roles in order, candidates in preference order. */
        private List<Resource> assign(List<List<Resource>> roles, List<Resource> chosen, Instant from, Instant to) {
            if (chosen.size() == roles.size()) {
                return chosen;
            }
            for (Resource candidate : roles.get(chosen.size())) {
                if (!free(candidate, from, to)) {
                    continue;
                }
                if (chosen.contains(candidate)) {
                    rejections.add("needs distinct resources");
                    continue;
                }
                chosen.add(candidate);
                if (assign(roles, chosen, from, to) != null) {
                    return chosen;
                }
                chosen.remove(chosen.size() - 1);
            }
            return null;
        }

        /** Whether a resource can take one more visit over the whole of {@code [from, to)}. */
        boolean free(Resource r, Instant from, Instant to) {
            if (!working(r, from, to)) {
                rejections.add("not working");
                return false;
            }
            if (scenario.unavailability().stream()
                    .anyMatch(u -> u.resource().equals(r.id()) && u.start().isBefore(to) && from.isBefore(u.end()))) {
                rejections.add("unavailable");
                return false;
            }
            List<Interval> claims = claims(r.id(), from, to);
            List<Instant> points = new ArrayList<>();
            points.add(from);
            claims.stream().map(Interval::start).filter(s -> s.isAfter(from)).forEach(points::add);
            for (Instant p : points) {
                long depth = claims.stream().filter(c -> !c.start().isAfter(p) && c.end().isAfter(p)).count();
                if (depth >= r.capacity()) {
                    rejections.add("claimed");
                    return false;
                }
            }
            return true;
        }

        /** Covered without a gap by the template hours of the local dates around it. */
        private boolean working(Resource r, Instant from, Instant to) {
            List<Interval> hours = new ArrayList<>();
            LocalDate first = from.atZone(r.zone()).toLocalDate().minusDays(1);
            LocalDate last = to.atZone(r.zone()).toLocalDate().plusDays(1);
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                for (WeeklyTemplate template : scenario.templates()) {
                    if (!template.resource().equals(r.id()) || !template.appliesOn(date)) {
                        continue;
                    }
                    for (WeeklyHours h : template.hours()) {
                        if (h.day() == date.getDayOfWeek()) {
                            hours.add(new Interval(ZonedDateTime.of(date, h.start(), r.zone()).toInstant(),
                                    ZonedDateTime.of(date, h.end(), r.zone()).toInstant()));
                        }
                    }
                }
            }
            Instant reached = from;
            boolean moved = true;
            while (reached.isBefore(to) && moved) {
                moved = false;
                for (Interval h : hours) {
                    if (!h.start().isAfter(reached) && h.end().isAfter(reached)) {
                        reached = h.end();
                        moved = true;
                    }
                }
            }
            return !reached.isBefore(to);
        }

        /** Time held on a resource by booked visits and by holds not yet lapsed, buffers included. */
        private List<Interval> claims(ResourceId resource, Instant from, Instant to) {
            List<Interval> out = new ArrayList<>();
            for (Appointment a : booked) {
                if (a.status().claimsResources() && a.uses(resource)) {
                    out.add(held(a.service(), a.start(), a.end()));
                }
            }
            for (Hold h : holds) {
                if (scenario.now().isBefore(h.expiresAt()) && h.slot().resources().stream()
                        .anyMatch(x -> x.resource().equals(resource))) {
                    out.add(held(h.slot().service(), h.slot().start(), h.slot().end()));
                }
            }
            return out.stream().filter(c -> c.start().isBefore(to) && from.isBefore(c.end())).toList();
        }

        private Interval held(ServiceTypeId serviceId, Instant start, Instant end) {
            ServiceType service = services.get(serviceId);
            return new Interval(start.minus(service.bufferBefore()), end.plus(service.bufferAfter()));
        }

        private boolean patientBusy(PatientId patient, Instant start, Instant end) {
            return booked.stream().anyMatch(a -> a.patient().equals(patient) && a.status().claimsResources()
                    && a.start().isBefore(end) && start.isBefore(a.end()));
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    record Interval(Instant start, Instant end) {
    }

    static void assertSameOptions(List<SlotOption> expected, List<SlotOption> actual, SlotQuery query) {
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail("option %d of %s differs:%n  oracle:  %s%n  search:  %s%n  oracle has %d, search %d", i, query,
                        describe(expected.get(i)), describe(actual.get(i)), expected.size(), actual.size());
            }
        }
        if (expected.size() != actual.size()) {
            SlotOption first = expected.size() > common ? expected.get(common) : actual.get(common);
            fail("%s: oracle has %d options, search %d; first unmatched (%s): %s", query, expected.size(),
                    actual.size(), expected.size() > common ? "only the oracle" : "only the search", describe(first));
        }
    }

    static String describe(SlotOption o) {
        return o.start() + " " + o.resources().stream().map(a -> a.role() + "=" + a.resource())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    // ------------------------------------------------------------------ setting the clinic up through the API

    /** A coordinator with the scenario's calendar, and what the set-up calls returned. */
    static final class Clinic implements AutoCloseable {
        final TestClock clock;
        final Coordinator coordinator;
        final Appointments desk;
        final Map<ServiceTypeId, ServiceType> services = new HashMap<>();
        final List<Appointment> booked = new ArrayList<>();
        final List<Hold> holds = new ArrayList<>();

        private Clinic(Scenario s) {
            clock = new TestClock((s.now().isBefore(s.from()) ? s.now() : s.from()).minus(Duration.ofDays(3)));
            coordinator = Coordinators.builder().plugin(new MemoryStoragePlugin()).clock(clock).build();
            desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER, Role.SUPERVISOR),
                    Purpose.TREATMENT).appointments();
        }

        static Clinic open(Scenario s) {
            Clinic clinic = new Clinic(s);
            try {
                clinic.setUp(s);
                return clinic;
            } catch (RuntimeException | Error e) {
                clinic.close();
                throw e;
            }
        }

        private void setUp(Scenario s) {
            ScheduleAdministration admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR),
                    Purpose.OPERATIONS).schedule();
            s.resources().forEach(admin::defineResource);
            s.templates().forEach(admin::addTemplate);
            s.unavailability().forEach(admin::addUnavailability);
            admin.defineService(s.service());
            services.put(s.service().id(), s.service());
            for (ResourceKind kind : s.resources().stream().map(Resource::kind).collect(Collectors.toSet())) {
                for (boolean longer : new boolean[] {false, true}) {
                    ServiceType filler = filler(kind, longer);
                    admin.defineService(filler);
                    services.put(filler.id(), filler);
                }
            }

            Map<ResourceId, Appointment> lastOn = new HashMap<>();
            for (Filler f : s.fillers()) {
                Resource r = s.resources().get(f.resource() % s.resources().size());
                ServiceType filler = filler(r.kind(), f.longer());
                PatientId patient = PATIENTS.get(f.patient());
                Instant wanted = s.from().plusSeconds(f.offset());
                Optional<Appointment> made;
                if (f.override() && lastOn.containsKey(r.id())) {
                    // Stack a supervised over-capacity visit exactly on the last one of this resource.
                    made = attempt(() -> desk.book(new BookCommand(filler.id(), patient, lastOn.get(r.id()).start(),
                            List.of(new RoleAssignment("who", r.id())), Optional.empty(), Optional.empty())
                            .overCapacity("stacked")).appointment());
                } else {
                    made = firstOption(filler, patient, wanted, r)
                            .flatMap(o -> attempt(() -> desk.book(BookCommand.of(patient, o)).appointment()));
                }
                if (made.isEmpty()) {
                    continue;
                }
                Appointment a = made.get();
                lastOn.put(r.id(), a);
                booked.add(f.cancel()
                        ? attempt(() -> desk.cancel(new CancelCommand(a.id(), CancellationReason.OTHER)).appointment())
                                .orElseThrow()
                        : a);
            }
            for (HoldPlan h : s.holdPlans()) {
                Instant placed = s.now().minusSeconds(h.placedBeforeNow());
                if (placed.isAfter(clock.instant())) {
                    clock.set(placed);
                }
                Resource r = s.resources().get(h.resource() % s.resources().size());
                PatientId patient = PATIENTS.get(h.patient());
                firstOption(filler(r.kind(), false), patient, s.from().plusSeconds(h.offset()), r)
                        .flatMap(o -> attempt(() -> desk.hold(BookCommand.of(patient, o),
                                Duration.ofSeconds(h.ttlSeconds()))))
                        .ifPresent(holds::add);
            }
            clock.set(s.now());
        }

        private Optional<SlotOption> firstOption(ServiceType filler, PatientId patient, Instant from, Resource r) {
            return attempt(() -> desk.findSlots(new SlotQuery(filler.id(), patient, from, from.plus(Duration.ofDays(3)),
                    Preferences.NONE.onlyWith(r.id()), 1))).flatMap(list -> list.stream().findFirst());
        }

        @Override
        public void close() {
            coordinator.close();
        }
    }

    /** One resource's worth of filler visit: a short and a long one per kind of resource. */
    static ServiceType filler(ResourceKind kind, boolean longer) {
        String id = "fill-" + kind.name().toLowerCase(Locale.ROOT) + (longer ? "-long" : "-short");
        ServiceType base = ServiceType.of(id, "Filler", Duration.ofMinutes(longer ? 130 : 15),
                ResourceRequirement.of("who", kind)).withBookingWindow(Duration.ZERO, Duration.ofDays(3000));
        return longer ? base.withBuffers(Duration.ofMinutes(10), Duration.ZERO)
                : base.withBuffers(Duration.ZERO, Duration.ofMinutes(5));
    }

    /** A set-up call that may be refused; a refusal must still be a typed API exception. */
    static <T> Optional<T> attempt(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (CoordinatorException e) {
            if (e.getClass() == CoordinatorException.class || e instanceof AdapterException
                    || e instanceof AccessDeniedException
                    || !e.getClass().getPackageName().startsWith("org.medcoord.api")) {
                fail("unexpected " + e.getClass().getName() + " while setting up", e);
            }
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ scenarios

    record Anchor(LocalDate date, ZoneId zone) {
    }

    /** A visit booked (or stacked over capacity) before the search; {@code offset} is seconds from {@code from}. */
    record Filler(int resource, boolean longer, long offset, int patient, boolean override, boolean cancel) {
    }

    /** A hold placed {@code placedBeforeNow} seconds before the search, lasting {@code ttlSeconds}. */
    record HoldPlan(int resource, long offset, int patient, int ttlSeconds, int placedBeforeNow) {
    }

    /** One search. */
    record Ask(int patient, Set<String> sites, Set<ResourceId> only, Set<ResourceId> preferred, Set<TimeOfDay> parts,
               Optional<ZoneId> partsZone, int limit) {
        SlotQuery query(Scenario s) {
            return new SlotQuery(SEARCHED, PATIENTS.get(patient), s.from(), s.to(),
                    new Preferences(sites, only, preferred, parts, partsZone), limit);
        }
    }

    record Scenario(Anchor anchor, Instant from, Instant to, Instant now, List<Resource> resources,
                    List<WeeklyTemplate> templates, List<Unavailability> unavailability, ServiceType service,
                    List<Filler> fillers, List<HoldPlan> holdPlans, List<Ask> asks) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.of(ANCHORS), seconds(0, 36 * 3600), seconds(2 * 3600, 60 * 3600),
                        seconds(-48 * 3600, 12 * 3600), Arbitraries.integers().between(3, 6))
                .flatAs((anchor, fromOffset, length, nowOffset, count) -> {
                    Instant from = anchor.date().minusDays(1).atStartOfDay(anchor.zone()).toInstant()
                            .plusSeconds(fromOffset);
                    Instant to = from.plusSeconds(length);
                    Instant now = from.plusSeconds(nowOffset);
                    return resources(anchor.zone(), count).flatMap(resources -> Combinators.combine(
                                    templates(anchor.date(), resources), unavailability(from, length, resources.size()),
                                    service(resources, from, length, now), fillers(length), holdPlans(length),
                                    asks(resources))
                            .as((templates, unavailability, service, fillers, holdPlans, asks) -> new Scenario(anchor,
                                    from, to, now, resources, templates, unavailability, service, fillers, holdPlans,
                                    asks)));
                });
    }

    static Arbitrary<List<Resource>> resources(ZoneId home, int count) {
        List<Arbitrary<Resource>> each = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "r-" + i;
            each.add(Combinators.combine(
                    Arbitraries.frequency(Tuple.of(5, ResourceKind.PRACTITIONER), Tuple.of(4, ResourceKind.LOCATION),
                            Tuple.of(1, ResourceKind.DEVICE)),
                    Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just(home)), Tuple.of(3, Arbitraries.of(ZONES))),
                    Arbitraries.frequency(Tuple.of(7, 1), Tuple.of(2, 2), Tuple.of(1, 3)),
                    Arbitraries.subsetOf(TAGS), Arbitraries.of(SITES))
                    .as((kind, zone, capacity, tags, site) -> new Resource(ResourceId.of(id), kind, "Resource " + id,
                            zone, capacity, tags, site)));
        }
        return Combinators.combine(each).as(List::copyOf);
    }

    static Arbitrary<List<WeeklyTemplate>> templates(LocalDate anchor, List<Resource> resources) {
        List<Arbitrary<List<WeeklyTemplate>>> each = new ArrayList<>();
        for (Resource r : resources) {
            Arbitrary<List<WeeklyTemplate>> sparse = template(r.id(), anchor).list().ofMinSize(1).ofMaxSize(2);
            Arbitrary<Optional<WeeklyTemplate>> broad = broadTemplate(r.id(), anchor).optional(0.75);
            each.add(Combinators.combine(sparse, broad).as((list, extra) -> {
                List<WeeklyTemplate> all = new ArrayList<>(list);
                extra.ifPresent(all::add);
                return all;
            }));
        }
        return Combinators.combine(each).as(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** A few random hours on the days around the anchor, effective over a random range of dates. */
    static Arbitrary<WeeklyTemplate> template(ResourceId resource, LocalDate anchor) {
        return Combinators.combine(Arbitraries.integers().between(-4, 1), Arbitraries.integers().between(-5, 4),
                        hours(anchor).list().ofMinSize(1).ofMaxSize(4))
                .as((fromDays, untilDays, hours) -> new WeeklyTemplate(resource, anchor.plusDays(fromDays),
                        untilDays < 0 ? Optional.empty() : Optional.of(anchor.plusDays(fromDays + untilDays)), hours));
    }

    /** Every day from a morning to an evening time, so that the other rules get something to refuse. */
    static Arbitrary<WeeklyTemplate> broadTemplate(ResourceId resource, LocalDate anchor) {
        // Now and then a few minutes off the quarter hour, or off the 5-minute grid altogether.
        Arbitrary<Integer> jitter = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.of(5, 10)), Tuple.of(2, Arbitraries.integers().between(1, 14)));
        return Combinators.combine(Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 31),
                        jitter, jitter)
                .as((start, end, startJitter, endJitter) -> {
                    List<WeeklyHours> hours = new ArrayList<>();
                    for (DayOfWeek day : DayOfWeek.values()) {
                        hours.add(new WeeklyHours(day, LocalTime.of(0, 0).plusMinutes(15L * start + startJitter),
                                LocalTime.of(16, 0).plusMinutes(Math.min(15L * end + endJitter, 7 * 60 + 59))));
                    }
                    return new WeeklyTemplate(resource, anchor.minusDays(10), Optional.empty(), hours);
                });
    }

    static Arbitrary<WeeklyHours> hours(LocalDate anchor) {
        Arbitrary<DayOfWeek> day = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(anchor.minusDays(1).getDayOfWeek(), anchor.getDayOfWeek(),
                        anchor.plusDays(1).getDayOfWeek())),
                Tuple.of(4, Arbitraries.of(DayOfWeek.class)));
        Arbitrary<Integer> startMinute = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 47).map(i -> 5 * i)),
                Tuple.of(4, Arbitraries.integers().between(0, 95).map(i -> 15 * i)),
                Tuple.of(2, Arbitraries.integers().between(0, 287).map(i -> 5 * i)),
                Tuple.of(1, Arbitraries.integers().between(0, 1439)));
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 24).map(i -> 5 * i)),
                Tuple.of(4, Arbitraries.integers().between(1, 144).map(i -> 5 * i)),
                Tuple.of(1, Arbitraries.integers().between(1, 600)));
        return Combinators.combine(day, startMinute, length).as((d, start, len) -> {
            int end = Math.min(start + len, 23 * 60 + 59);
            int begin = Math.max(0, Math.min(start, end - 5));
            return new WeeklyHours(d, LocalTime.of(begin / 60, begin % 60), LocalTime.of(end / 60, end % 60));
        });
    }

    static Arbitrary<List<Unavailability>> unavailability(Instant from, int length, int resources) {
        return Combinators.combine(Arbitraries.integers().between(0, resources - 1),
                        Arbitraries.integers().between(-3 * 3600, length), Arbitraries.integers().between(60, 6 * 3600),
                        Arbitraries.of(UnavailabilityKind.class))
                .as((r, offset, span, kind) -> new Unavailability(ResourceId.of("r-" + r), from.plusSeconds(offset),
                        from.plusSeconds(offset + span), kind, "blocked"))
                .list().ofMaxSize(3);
    }

    static Arbitrary<ServiceType> service(List<Resource> resources, Instant from, int length, Instant now) {
        Arbitrary<ResourceRequirement> role = Combinators.combine(
                        Arbitraries.integers().between(0, resources.size() - 1), Arbitraries.integers().between(0, 3))
                .as((r, mask) -> {
                    Resource model = resources.get(r);
                    Set<String> tags = new LinkedHashSet<>();
                    for (int i = 0; i < TAGS.size(); i++) {
                        if ((mask >> i & 1) == 1 && model.tags().contains(TAGS.get(i))) {
                            tags.add(TAGS.get(i));
                        }
                    }
                    return new ResourceRequirement("x", model.kind(), tags);
                });
        // Some notices and horizons end on a granule inside the search window, to meet starts exactly.
        Instant gridFrom = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond() + 299, 300) * 300);
        Arbitrary<Duration> inWindow = Arbitraries.integers().between(0, length / 300).map(k -> {
            Duration d = Duration.between(now, gridFrom.plusSeconds(300L * k));
            return d.isNegative() ? Duration.ZERO : d;
        });
        Arbitrary<Duration> notice = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Duration.ZERO)),
                Tuple.of(4, seconds(0, 8 * 3600).map(Duration::ofSeconds)),
                Tuple.of(2, inWindow));
        Arbitrary<Duration> horizon = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Duration.ofDays(365))),
                Tuple.of(2, seconds(0, 4 * 86400).map(Duration::ofSeconds)),
                Tuple.of(2, inWindow));
        Arbitrary<List<ResourceRequirement>> roleLists = Arbitraries.frequencyOf(
                Tuple.of(5, role.list().ofSize(1)), Tuple.of(4, role.list().ofSize(2)),
                Tuple.of(1, role.list().ofSize(3)));
        return Combinators.combine(roleLists, granules(1, 24), granules(0, 6),
                        granules(0, 6), Arbitraries.of(5, 10, 15, 20, 30, 60), notice, horizon)
                .as((roles, duration, before, after, step, minimumNotice, maximumHorizon) -> {
                    List<ResourceRequirement> named = new ArrayList<>();
                    for (int i = 0; i < roles.size(); i++) {
                        named.add(new ResourceRequirement("role-" + i, roles.get(i).kind(), roles.get(i).tags()));
                    }
                    return new ServiceType(SEARCHED, "Searched visit", duration, named, before, after, minimumNotice,
                            maximumHorizon, Duration.ofMinutes(step));
                });
    }

    /** Any second in a range, or (as often) a whole number of granules, so that bounds meet starts exactly. */
    static Arbitrary<Integer> seconds(int min, int max) {
        return Arbitraries.oneOf(Arbitraries.integers().between(min, max),
                Arbitraries.integers().between(min / 300, max / 300).map(i -> 300 * i));
    }

    static Arbitrary<Duration> granules(int min, int max) {
        return Arbitraries.integers().between(min, max).map(n -> Duration.ofMinutes(5L * n));
    }

    /** Up to ten visits wanted from three hours before the search window to its end. */
    static Arbitrary<List<Filler>> fillers(int length) {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(true, false),
                        Arbitraries.integers().between(-36, length / 300).map(i -> 300L * i),
                        Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(3, 1), Tuple.of(3, 2)),
                        Arbitraries.integers().between(0, 4).map(i -> i == 0),
                        Arbitraries.integers().between(0, 6).map(i -> i == 0))
                .as(Filler::new).list().ofMinSize(1).ofMaxSize(10);
    }

    static Arbitrary<List<HoldPlan>> holdPlans(int length) {
        return Combinators.combine(Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(-36, length / 300).map(i -> 300L * i),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(60, 6 * 3600),
                        Arbitraries.integers().between(0, 4 * 3600))
                .as(HoldPlan::new).list().ofMaxSize(4);
    }

    static Arbitrary<List<Ask>> asks(List<Resource> resources) {
        List<ResourceId> ids = resources.stream().map(Resource::id).toList();
        Arbitrary<Set<ResourceId>> someIds = Arbitraries.subsetOf(ids).ofMinSize(1);
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(7, 0), Tuple.of(3, 1)),
                        Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Set.<String>of())),
                                Tuple.of(2, Arbitraries.subsetOf(SITES).ofMinSize(1))),
                        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Set.<ResourceId>of())),
                                Tuple.of(1, someIds)),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.<ResourceId>of())),
                                Tuple.of(1, someIds)),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Set.<TimeOfDay>of())),
                                Tuple.of(4, Arbitraries.subsetOf(TimeOfDay.values()).ofMinSize(1))),
                        Arbitraries.of(ZONES).optional(0.5),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(1, 20)),
                                Tuple.of(1, Arbitraries.just(10_000))))
                .as(Ask::new).list().ofMinSize(1).ofMaxSize(3);
    }

}
