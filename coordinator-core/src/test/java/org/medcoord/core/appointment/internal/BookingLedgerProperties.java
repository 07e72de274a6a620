package org.medcoord.core.appointment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Modifier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.BookingRefusedException;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.Frequency;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldExpiredException;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.appointment.InvalidTransitionException;
import org.medcoord.api.appointment.Recurrence;
import org.medcoord.api.appointment.RescheduleCommand;
import org.medcoord.api.appointment.Rescheduling;
import org.medcoord.api.appointment.SeriesCommand;
import org.medcoord.api.appointment.SeriesConflict;
import org.medcoord.api.appointment.SeriesPolicy;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.appointment.SlotUnavailableException;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyHours;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.Coordinators;
import org.medcoord.core.TestClock;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * The booking ledger under random sequences of calls: holds with random lifetimes, confirmations
 * (some after the hold lapsed), releases, bookings with and without chosen resources and with
 * supervised capacity overrides, cancellations, moves, series under both policies, status changes
 * and the clock moving on. After every call the storage itself is read and must show that
 *
 * <ul>
 *   <li>no resource carries more ordinary claims at any instant than its capacity (only claims
 *       marked over capacity may exceed it);
 *   <li>every appointment in a claiming status holds exactly one claim per resource covering its
 *       time with the service's buffers, and every other appointment holds none;
 *   <li>every live hold holds exactly its claims, a released or confirmed hold none, and no
 *       active claim belongs to anyone else;
 *   <li>no patient has two overlapping appointments in claiming statuses.
 * </ul>
 *
 * <p>Every call either succeeds or throws a public, typed exception of the API; a failed call
 * leaves the storage as it was. The clinic is in New York and its calendar spans the spring-forward
 * night of 2027-03-14. A second property runs several threads of random calls against one
 * coordinator and checks the same invariants while they run and afterwards.
 */
class BookingLedgerProperties {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** Friday; the Sunday after it (2027-03-14) has no 02:00-03:00 in New York. */
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 12);
    static final Instant OPENING = ZonedDateTime.of(FIRST_DAY, LocalTime.of(6, 0), ZONE).toInstant();
    static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2040-01-01T00:00:00Z");

    static final List<Resource> RESOURCES = List.of(
            Resource.of("dr-1", ResourceKind.PRACTITIONER, "Doctor 1", ZONE, "main", "gp"),
            Resource.of("dr-2", ResourceKind.PRACTITIONER, "Doctor 2", ZONE, "main", "gp"),
            Resource.of("dr-3", ResourceKind.PRACTITIONER, "Doctor 3", ZONE, "annex", "gp"),
            Resource.of("room-1", ResourceKind.LOCATION, "Exam room 1", ZONE, "main", "exam"),
            Resource.of("room-2", ResourceKind.LOCATION, "Exam room 2", ZONE, "annex", "exam"),
            Resource.of("group-1", ResourceKind.LOCATION, "Group room", ZONE, "main", "exam", "group")
                    .withCapacity(2));
    static final List<ResourceId> PRACTITIONERS = ids("dr-1", "dr-2", "dr-3");
    static final List<ResourceId> ROOMS = ids("room-1", "room-2", "group-1");

    static final ServiceType CONSULT = ServiceType.of("consult", "Consultation", Duration.ofMinutes(30),
                    ResourceRequirement.of("clinician", ResourceKind.PRACTITIONER, "gp"),
                    ResourceRequirement.of("room", ResourceKind.LOCATION, "exam"))
            .withBuffers(Duration.ofMinutes(5), Duration.ofMinutes(10))
            .withBookingWindow(Duration.ofMinutes(30), Duration.ofDays(10));
    static final ServiceType PROCEDURE = ServiceType.of("procedure", "Minor procedure", Duration.ofMinutes(90),
                    ResourceRequirement.of("clinician", ResourceKind.PRACTITIONER, "gp"),
                    ResourceRequirement.of("room", ResourceKind.LOCATION, "exam"))
            .withBuffers(Duration.ofMinutes(10), Duration.ofMinutes(20))
            .withBookingWindow(Duration.ofHours(2), Duration.ofDays(5));
    static final ServiceType CLASS = ServiceType.of("class", "Group class", Duration.ofMinutes(60),
                    ResourceRequirement.of("room", ResourceKind.LOCATION, "group"))
            .withBuffers(Duration.ZERO, Duration.ofMinutes(15))
            .withBookingWindow(Duration.ZERO, Duration.ofDays(30));
    static final Map<ServiceTypeId, ServiceType> SERVICES = Map.of(CONSULT.id(), CONSULT, PROCEDURE.id(), PROCEDURE,
            CLASS.id(), CLASS);

    static final List<PatientId> PATIENTS = List.of(PatientId.of("p-1"), PatientId.of("p-2"), PatientId.of("p-3"),
            PatientId.of("p-4"));

    // ------------------------------------------------------------------ properties

    @Property(tries = 80)
    void every_sequence_of_calls_keeps_the_ledger_consistent(@ForAll("ledgerChains") ActionChain<Ledger> chain) {
        Ledger end = chain.withInvariant("ledger consistent", Ledger::checkInvariants).run();
        end.close();

        // Over all tries, the chains must reach the interesting outcomes, or they prove little.
        Statistics.label("book").coverage(c -> {
            c.check("ok").count(n -> n > 0);
            c.check("SlotUnavailableException").count(n -> n > 0);
        });
        Statistics.label("confirm live hold").coverage(c -> c.check("ok").count(n -> n > 0));
        Statistics.label("confirm lapsed hold").coverage(c -> c.check("HoldExpiredException").count(n -> n > 0));
        Statistics.label("reschedule").coverage(c -> c.check("ok").count(n -> n > 0));
        Statistics.label("cancel").coverage(c -> c.check("ok").count(n -> n > 0));
        Statistics.label("series ALL_OR_NOTHING result").coverage(c -> {
            c.check("complete").count(n -> n > 0);
            c.check("none booked").count(n -> n > 0);
        });
        Statistics.label("series BOOK_AVAILABLE result").coverage(c -> c.check("partial").count(n -> n > 0));
    }

    @Property(tries = 6)
    void concurrent_calls_keep_the_ledger_consistent(@ForAll @IntRange(min = 4, max = 8) int threads,
                                                      @ForAll long seed) throws Exception {
        try (Ledger ledger = new Ledger()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    Random random = new Random(seed * 31 + t);
                    workers.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 60; i++) {
                            ledger.randomConcurrentCall(random);
                        }
                        return null;
                    }));
                }
                go.countDown();
                pool.shutdown();
                int checks = 0;
                while (!pool.awaitTermination(2, TimeUnit.MILLISECONDS)) {
                    ledger.checkStorage();
                    checks++;
                }
                assertThat(checks).as("invariant checks while the threads ran").isPositive();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            ledger.checkInvariants();
            // Which outcomes one try reaches is up to chance and thread timing; the property as a
            // whole must reach each of them (jqwik checks coverage after the last try).
            ledger.tallies.keySet().forEach(outcome -> Statistics.label("concurrent outcomes").collect(outcome));
            Statistics.label("concurrent outcomes").coverage(c -> {
                for (String required : List.of("book ok", "book SlotUnavailableException", "hold ok", "cancel ok",
                        "reschedule ok")) {
                    c.check(required).count(n -> n > 0);
                }
            });
        }
    }

    // ------------------------------------------------------------------ actions

    @Provide
    Arbitrary<ActionChain<Ledger>> ledgerChains() {
        return ActionChain.<Ledger>startWith(Ledger::new)
                .withAction(5, independent(s -> true, Combinators.combine(visits(), overrides())
                        .as((visit, over) -> Transformer.<Ledger>mutate("book " + visit.overriding(over),
                                s -> s.book(visit.overriding(over))))))
                .withAction(3, independent(s -> true, Combinators.combine(visits(), holdTimes())
                        .as((visit, ttl) -> Transformer.<Ledger>mutate("hold " + visit + " for " + ttl,
                                s -> s.hold(visit, ttl)))))
                .withAction(3, independent(s -> !s.holds.isEmpty(), picks()
                        .map(pick -> Transformer.<Ledger>mutate("confirm hold #" + pick, s -> s.confirm(pick)))))
                .withAction(2, independent(s -> !s.holds.isEmpty(),
                        Combinators.combine(picks(), Arbitraries.integers().between(0, 3600))
                                .as((pick, late) -> Transformer.<Ledger>mutate(
                                        "confirm hold #" + pick + " " + late + " s after it lapsed",
                                        s -> s.confirmAfterExpiry(pick, Duration.ofSeconds(late))))))
                .withAction(1, independent(s -> !s.holds.isEmpty(), picks()
                        .map(pick -> Transformer.<Ledger>mutate("release hold #" + pick, s -> s.release(pick)))))
                .withAction(2, independent(s -> !s.appointments.isEmpty(),
                        Combinators.combine(picks(), Arbitraries.of(CancellationReason.class))
                                .as((pick, reason) -> Transformer.<Ledger>mutate("cancel #" + pick + " " + reason,
                                        s -> s.cancel(pick, reason)))))
                .withAction(3, independent(s -> !s.appointments.isEmpty(),
                        Combinators.combine(picks(), starts(), resourcePicks(), Arbitraries.of(true, false))
                                .as((pick, start, resources, explicit) -> Transformer.<Ledger>mutate(
                                        "reschedule #" + pick + " to " + local(start)
                                                + (explicit ? " with picks " + resources : ""),
                                        s -> s.reschedule(pick, start, resources, explicit)))))
                .withAction(2, independent(s -> true,
                        Combinators.combine(visits(), overrides(),
                                        Arbitraries.of(Frequency.class), Arbitraries.integers().between(2, 4),
                                        Arbitraries.of(SeriesPolicy.class), Arbitraries.of(true, false))
                                .as((visit, over, frequency, count, policy, zoned) -> {
                                    Visit first = visit.overriding(over);
                                    Recurrence recurrence = new Recurrence(frequency, 1, Optional.of(count),
                                            Optional.empty(), zoned ? Optional.of(ZONE) : Optional.empty());
                                    return Transformer.<Ledger>mutate("series " + policy + " " + frequency + " x"
                                                    + count + " from " + first,
                                            s -> s.bookSeries(first, recurrence, policy));
                                })))
                .withAction(1, independent(s -> !s.appointments.isEmpty(),
                        Combinators.combine(picks(), Arbitraries.of(AppointmentStatus.ARRIVED,
                                        AppointmentStatus.CHECKED_IN, AppointmentStatus.FULFILLED,
                                        AppointmentStatus.NOSHOW, AppointmentStatus.ENTERED_IN_ERROR))
                                .as((pick, target) -> Transformer.<Ledger>mutate("move #" + pick + " to " + target,
                                        s -> s.transition(pick, target)))))
                .withAction(2, independent(s -> true, Arbitraries.integers().between(1, 240)
                        .map(minutes -> Transformer.<Ledger>mutate("advance the clock " + minutes + " min",
                                s -> s.clock.advance(Duration.ofMinutes(minutes))))))
                .withMaxTransformations(40);
    }

    private static Action.Independent<Ledger> independent(Predicate<Ledger> when,
                                                          Arbitrary<Transformer<Ledger>> transformers) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(Ledger state) {
                return when.test(state);
            }

            @Override
            public Arbitrary<Transformer<Ledger>> transformer() {
                return transformers;
            }
        };
    }

    /** About one call in seven is a supervisor's capacity override. */
    static Arbitrary<Boolean> overrides() {
        return Arbitraries.integers().between(0, 6).map(i -> i == 0);
    }

    static Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1000);
    }

    static Arbitrary<Visit> visits() {
        return Combinators.combine(Arbitraries.of(CONSULT, CONSULT, PROCEDURE, CLASS), Arbitraries.of(PATIENTS),
                        starts(), resourcePicks(), Arbitraries.of(true, false))
                .as((service, patient, start, resources, explicit) ->
                        new Visit(service, patient, start, resources, explicit, false));
    }

    /** Starts crowded into Friday to Monday mornings, some outside hours, some in the night of the clock change. */
    static Arbitrary<Instant> starts() {
        Arbitrary<Integer> minuteOfDay = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 16).map(i -> 7 * 60 + 15 * i)),
                Tuple.of(3, Arbitraries.integers().between(0, 180).map(i -> 5 * 60 + 5 * i)),
                Tuple.of(1, Arbitraries.integers().between(0, 36).map(i -> 60 + 5 * i)));
        return Combinators.combine(Arbitraries.integers().between(0, 3), minuteOfDay,
                        Arbitraries.integers().between(0, 39))
                .as((day, minute, skew) -> ZonedDateTime.of(FIRST_DAY.plusDays(day), LocalTime.MIDNIGHT, ZONE)
                        .plusMinutes(minute).toInstant().plusSeconds(skew == 0 ? 120 : 0));
    }

    static Arbitrary<List<Integer>> resourcePicks() {
        return Arbitraries.integers().between(0, 2).list().ofSize(2);
    }

    static Arbitrary<Duration> holdTimes() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 3 * 3600).map(Duration::ofSeconds)),
                Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofDays(2))));
    }

    // ------------------------------------------------------------------ the clinic under test

    /** What one booking asks for; {@code picks} choose the resources when {@code explicit}. */
    record Visit(ServiceType service, PatientId patient, Instant start, List<Integer> picks, boolean explicit,
                 boolean override) {
        Visit overriding(boolean over) {
            return new Visit(service, patient, start, picks, explicit, over);
        }

        List<RoleAssignment> resources() {
            return explicit ? assignments(service, picks) : List.of();
        }

        BookCommand command() {
            BookCommand command = new BookCommand(service.id(), patient, start, resources(), Optional.empty(),
                    Optional.empty());
            return override ? command.overCapacity("supervisor-approved") : command;
        }

        @Override
        public String toString() {
            return service.id() + " for " + patient + " at " + local(start)
                    + (explicit ? " with " + resources().stream().map(a -> a.resource().value()).toList() : "")
                    + (override ? " over capacity" : "");
        }
    }

    static List<RoleAssignment> assignments(ServiceType service, List<Integer> picks) {
        List<RoleAssignment> out = new ArrayList<>();
        for (int i = 0; i < service.requirements().size(); i++) {
            ResourceRequirement role = service.requirements().get(i);
            List<ResourceId> pool = role.kind() == ResourceKind.PRACTITIONER ? PRACTITIONERS : ROOMS;
            out.add(new RoleAssignment(role.role(), pool.get(picks.get(i) % pool.size())));
        }
        return out;
    }

    /** A hold the ledger placed, and what has happened to it since. */
    static final class HoldRecord {
        final Hold hold;
        volatile boolean released;
        volatile boolean confirmed;

        HoldRecord(Hold hold) {
            this.hold = hold;
        }
    }

    /** The storage read in one unit: every appointment and every active claim. */
    record Snapshot(Map<String, Appointment> appointments, List<String> claims, Map<String, Optional<Hold>> holds) {
    }

    /**
     * One coordinator over one memory storage, the clock it reads, and what the calls so far
     * returned. The state of the action chains; also shared by the threads of the concurrent
     * property, so its collections are thread-safe.
     */
    static final class Ledger implements AutoCloseable {
        final TestClock clock = new TestClock(OPENING);
        final MemoryStorage storage = new MemoryStorage();
        final Coordinator coordinator;
        final Appointments desk;
        final List<AppointmentId> appointments = new CopyOnWriteArrayList<>();
        final Set<AppointmentId> known = ConcurrentHashMap.newKeySet();
        final List<HoldRecord> holds = new CopyOnWriteArrayList<>();
        /** Outcomes of the concurrent calls, by call and outcome. */
        final Map<String, LongAdder> tallies = new ConcurrentHashMap<>();

        Ledger() {
            coordinator = Coordinators.builder().plugin(using(storage)).clock(clock).build();
            ScheduleAdministration admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR),
                    Purpose.OPERATIONS).schedule();
            RESOURCES.forEach(admin::defineResource);
            List<WeeklyHours> everyDay = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                everyDay.add(WeeklyHours.of(day, "07:00", "19:00"));
            }
            for (Resource r : RESOURCES) {
                admin.addTemplate(new WeeklyTemplate(r.id(), FIRST_DAY.minusDays(7), Optional.empty(), everyDay));
            }
            // Night hours across the skipped hour of 2027-03-14 for one clinician and the group room.
            for (String id : List.of("dr-3", "group-1", "room-2")) {
                admin.addTemplate(WeeklyTemplate.of(ResourceId.of(id), FIRST_DAY, "01:00", "04:00", DayOfWeek.SUNDAY));
            }
            SERVICES.values().stream().sorted(Comparator.comparing(s -> s.id().value())).forEach(admin::defineService);
            desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER, Role.SUPERVISOR,
                    Role.ADMINISTRATOR), Purpose.TREATMENT).appointments();
        }

        @Override
        public void close() {
            coordinator.close();
        }

        @Override
        public String toString() {
            return "Ledger[" + known.size() + " appointments, " + holds.size() + " holds, now " + local(clock.instant())
                    + "]";
        }

        // -------------------------------------------------------------- sequential calls

        void book(Visit visit) {
            Snapshot before = snapshot();
            Outcome<Booking> out = note("book", attempt(() -> desk.book(visit.command()),
                    SlotUnavailableException.class, BookingRefusedException.class, InvalidRequestException.class));
            if (out.failed()) {
                if (!onGrid(visit.start())) {
                    assertThat(out.failure()).isInstanceOf(InvalidRequestException.class);
                }
                assertThat(snapshot()).as("storage after a refused booking").isEqualTo(before);
                return;
            }
            assertThat(onGrid(visit.start())).as("booked off the 5-minute grid").isTrue();
            Appointment booked = out.value().appointment();
            record(booked);
            assertThat(booked.status()).isEqualTo(AppointmentStatus.BOOKED);
            assertThat(booked.patient()).isEqualTo(visit.patient());
            assertThat(booked.start()).isEqualTo(visit.start());
            assertThat(booked.end()).isEqualTo(visit.start().plus(visit.service().duration()));
            assertThat(booked.overbooked()).isEqualTo(visit.override());
            assertThat(booked.series()).isEmpty();
            if (visit.explicit()) {
                assertThat(booked.resources()).isEqualTo(visit.resources());
            }
            assertThat(desk.get(booked.id())).isEqualTo(booked);
        }

        void hold(Visit visit, Duration ttl) {
            Snapshot before = snapshot();
            Instant now = clock.instant();
            Outcome<Hold> out = note("hold", attempt(() -> desk.hold(visit.command(), ttl),
                    SlotUnavailableException.class, BookingRefusedException.class, InvalidRequestException.class));
            boolean validTtl = ttl.compareTo(Duration.ofSeconds(1)) >= 0 && ttl.compareTo(Duration.ofDays(1)) <= 0;
            if (out.failed()) {
                if (!validTtl || !onGrid(visit.start())) {
                    assertThat(out.failure()).isInstanceOf(InvalidRequestException.class);
                }
                assertThat(snapshot()).as("storage after a refused hold").isEqualTo(before);
                return;
            }
            assertThat(validTtl && onGrid(visit.start())).as("hold accepted with an invalid lifetime or start")
                    .isTrue();
            Hold hold = out.value();
            assertThat(hold.expiresAt()).isEqualTo(now.plus(ttl));
            assertThat(hold.patient()).isEqualTo(visit.patient());
            assertThat(hold.slot().start()).isEqualTo(visit.start());
            assertThat(hold.slot().end()).isEqualTo(visit.start().plus(visit.service().duration()));
            if (visit.explicit()) {
                assertThat(hold.slot().resources()).isEqualTo(visit.resources());
            }
            holds.add(new HoldRecord(hold));
        }

        void confirm(int pick) {
            HoldRecord h = holds.get(pick % holds.size());
            boolean live = !h.released && !h.confirmed && clock.instant().isBefore(h.hold.expiresAt());
            Snapshot before = snapshot();
            Outcome<Booking> out = note(live ? "confirm live hold" : "confirm dead hold",
                    attempt(() -> desk.confirm(h.hold.id()), HoldExpiredException.class,
                            BookingRefusedException.class));
            if (!live) {
                assertThat(out.failure()).as("confirming a released, confirmed or lapsed hold")
                        .isInstanceOf(HoldExpiredException.class);
            } else if (out.failed()) {
                assertThat(out.failure()).as("confirming a live hold").isInstanceOf(BookingRefusedException.class);
            }
            if (out.failed()) {
                assertThat(snapshot()).as("storage after a refused confirmation").isEqualTo(before);
                return;
            }
            h.confirmed = true;
            Appointment booked = out.value().appointment();
            record(booked);
            assertThat(booked.status()).isEqualTo(AppointmentStatus.BOOKED);
            assertThat(booked.patient()).isEqualTo(h.hold.patient());
            assertThat(booked.start()).isEqualTo(h.hold.slot().start());
            assertThat(booked.end()).isEqualTo(h.hold.slot().end());
            assertThat(booked.resources()).isEqualTo(h.hold.slot().resources());
            assertThat(booked.overbooked()).isFalse();
        }

        void confirmAfterExpiry(int pick, Duration late) {
            HoldRecord h = holds.get(pick % holds.size());
            Instant lapsed = h.hold.expiresAt().plus(late);
            if (clock.instant().isBefore(lapsed)) {
                clock.set(lapsed);
            }
            Outcome<Booking> out = note("confirm lapsed hold", attempt(() -> desk.confirm(h.hold.id()),
                    HoldExpiredException.class));
            assertThat(out.failure()).as("confirming a lapsed hold").isInstanceOf(HoldExpiredException.class);
        }

        void release(int pick) {
            HoldRecord h = holds.get(pick % holds.size());
            Snapshot before = snapshot();
            attempt(() -> {
                desk.release(h.hold.id());
                return Boolean.TRUE;
            });
            h.released = true;
            Snapshot after = snapshot();
            List<String> expectedClaims = before.claims().stream()
                    .filter(c -> !c.contains("owner=hold:" + h.hold.id().value() + ",")).toList();
            assertThat(after.appointments()).isEqualTo(before.appointments());
            assertThat(after.claims()).isEqualTo(expectedClaims);
        }

        void cancel(int pick, CancellationReason reason) {
            AppointmentId id = appointments.get(pick % appointments.size());
            Appointment prior = stored(id);
            Snapshot before = snapshot();
            Outcome<Cancellation> out = note("cancel", attempt(() -> desk.cancel(new CancelCommand(id, reason)),
                    InvalidTransitionException.class));
            if (!prior.status().canMoveTo(AppointmentStatus.CANCELLED)) {
                assertThat(out.failure()).as("cancelling a " + prior.status() + " appointment")
                        .isInstanceOf(InvalidTransitionException.class);
                assertThat(snapshot()).isEqualTo(before);
                return;
            }
            assertThat(out.failed()).as("cancelling a " + prior.status() + " appointment failed: " + out).isFalse();
            Appointment cancelled = out.value().appointment();
            assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(cancelled.version()).isEqualTo(prior.version() + 1);
            assertThat(cancelled.start()).isEqualTo(prior.start());
            assertThat(cancelled.resources()).isEqualTo(prior.resources());
            assertThat(stored(id)).isEqualTo(cancelled);
        }

        void reschedule(int pick, Instant newStart, List<Integer> resourcePicks, boolean explicit) {
            AppointmentId id = appointments.get(pick % appointments.size());
            Appointment prior = stored(id);
            ServiceType service = SERVICES.get(prior.service());
            List<RoleAssignment> resources = explicit ? assignments(service, resourcePicks) : List.of();
            Snapshot before = snapshot();
            Outcome<Rescheduling> out = attempt(() -> desk.reschedule(new RescheduleCommand(id, newStart, resources,
                            "patient-request", Optional.empty())), SlotUnavailableException.class,
                    BookingRefusedException.class, InvalidRequestException.class, InvalidTransitionException.class);
            note("reschedule", out);
            if (out.failed()) {
                if (!onGrid(newStart)) {
                    assertThat(out.failure()).isInstanceOf(InvalidRequestException.class);
                } else if (prior.status() != AppointmentStatus.BOOKED) {
                    assertThat(out.failure()).isInstanceOf(InvalidTransitionException.class);
                }
                assertThat(snapshot()).as("storage after a refused move").isEqualTo(before);
                return;
            }
            assertThat(prior.status()).as("moved a " + prior.status() + " appointment")
                    .isEqualTo(AppointmentStatus.BOOKED);
            Appointment moved = out.value().booking().appointment();
            assertThat(moved.id()).isEqualTo(id);
            assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
            assertThat(moved.patient()).isEqualTo(prior.patient());
            assertThat(moved.start()).isEqualTo(newStart);
            assertThat(moved.end()).isEqualTo(newStart.plus(service.duration()));
            assertThat(moved.version()).isEqualTo(prior.version() + 1);
            assertThat(moved.overbooked()).isEqualTo(prior.overbooked());
            assertThat(moved.series()).isEqualTo(prior.series());
            if (explicit) {
                assertThat(moved.resources()).isEqualTo(resources);
            }
            assertThat(stored(id)).isEqualTo(moved);
        }

        void bookSeries(Visit first, Recurrence recurrence, SeriesPolicy policy) {
            Snapshot before = snapshot();
            Outcome<SeriesResult> out = attempt(() -> desk.bookSeries(new SeriesCommand(first.command(), recurrence,
                    policy)), SlotUnavailableException.class, InvalidRequestException.class);
            note("series " + policy, out);
            if (out.ok()) {
                Statistics.label("series " + policy + " result").collect(out.value().conflicts().isEmpty() ? "complete"
                        : out.value().booked().isEmpty() ? "none booked" : "partial");
            }
            if (out.failed()) {
                assertThat(snapshot()).as("storage after a refused series").isEqualTo(before);
                return;
            }
            SeriesResult result = out.value();
            result.booked().forEach(this::record);
            int count = recurrence.count().orElseThrow();
            List<Instant> wanted = new ArrayList<>();
            ZonedDateTime local = first.start().atZone(ZONE);
            for (int i = 0; i < count; i++) {
                wanted.add((recurrence.frequency() == Frequency.DAILY ? local.plusDays(i) : local.plusWeeks(i))
                        .toInstant());
            }
            if (policy == SeriesPolicy.ALL_OR_NOTHING && !result.conflicts().isEmpty()) {
                assertThat(result.booked()).as("all-or-nothing series with conflicts").isEmpty();
                assertThat(result.series()).isEmpty();
                assertThat(snapshot()).as("storage after an all-or-nothing series with conflicts").isEqualTo(before);
            }
            if (result.booked().isEmpty()) {
                assertThat(snapshot()).isEqualTo(before);
            } else {
                assertThat(result.series()).isPresent();
            }
            Map<Instant, String> outcome = new TreeMap<>();
            for (Appointment a : result.booked()) {
                assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
                assertThat(a.series()).isEqualTo(result.series());
                assertThat(a.patient()).isEqualTo(first.patient());
                assertThat(a.overbooked()).isEqualTo(first.override());
                assertThat(outcome.put(a.start(), "booked")).isNull();
            }
            for (SeriesConflict c : result.conflicts()) {
                assertThat(c.requestedStart()).isEqualTo(wanted.get(c.occurrence()));
                assertThat(outcome.put(c.requestedStart(), "conflict")).isNull();
            }
            if (result.conflicts().isEmpty() || policy == SeriesPolicy.BOOK_AVAILABLE) {
                assertThat(outcome.keySet()).as("occurrences booked or reported").containsExactlyElementsOf(wanted);
            }
        }

        void transition(int pick, AppointmentStatus target) {
            AppointmentId id = appointments.get(pick % appointments.size());
            Appointment prior = stored(id);
            Snapshot before = snapshot();
            Outcome<Appointment> out = note("transition", attempt(() -> desk.transition(id, target, "desk"),
                    InvalidTransitionException.class));
            if (!prior.status().canMoveTo(target)) {
                assertThat(out.failure()).isInstanceOf(InvalidTransitionException.class);
                assertThat(snapshot()).isEqualTo(before);
                return;
            }
            assertThat(out.failed()).as("moving " + prior.status() + " to " + target + " failed: " + out).isFalse();
            assertThat(out.value().status()).isEqualTo(target);
            assertThat(out.value().version()).isEqualTo(prior.version() + 1);
            assertThat(stored(id)).isEqualTo(out.value());
        }

        // -------------------------------------------------------------- concurrent calls

        /** One random call with no expectation beyond a typed outcome; the invariants judge the rest. */
        void randomConcurrentCall(Random random) {
            int choice = random.nextInt(100);
            Instant start = ZonedDateTime.of(FIRST_DAY, LocalTime.of(8, 0), ZONE).toInstant()
                    .plus(Duration.ofMinutes(15L * random.nextInt(12)));
            PatientId patient = PATIENTS.get(random.nextInt(PATIENTS.size()));
            ServiceType service = random.nextInt(4) == 0 ? CLASS : CONSULT;
            List<Integer> picks = List.of(random.nextInt(3), random.nextInt(3));
            Visit visit = new Visit(service, patient, start, picks, random.nextBoolean(), random.nextInt(10) == 0);
            if (choice < 35) {
                tally("book", attempt(() -> desk.book(visit.command()), SlotUnavailableException.class,
                        BookingRefusedException.class, InvalidRequestException.class))
                        .ifOk(b -> record(b.appointment()));
            } else if (choice < 50) {
                tally("hold", attempt(() -> desk.hold(visit.overriding(false).command(),
                                Duration.ofSeconds(1 + random.nextInt(3600))), SlotUnavailableException.class,
                        BookingRefusedException.class, InvalidRequestException.class))
                        .ifOk(h -> holds.add(new HoldRecord(h)));
            } else if (choice < 60 && !holds.isEmpty()) {
                HoldRecord h = holds.get(random.nextInt(holds.size()));
                tally("confirm", attempt(() -> desk.confirm(h.hold.id()), HoldExpiredException.class,
                        BookingRefusedException.class, ConflictException.class)).ifOk(b -> {
                            h.confirmed = true;
                            record(b.appointment());
                        });
            } else if (choice < 65 && !holds.isEmpty()) {
                HoldRecord h = holds.get(random.nextInt(holds.size()));
                attempt(() -> {
                    desk.release(h.hold.id());
                    return Boolean.TRUE;
                }, ConflictException.class).ifOk(x -> h.released = true);
            } else if (choice < 78 && !appointments.isEmpty()) {
                AppointmentId id = appointments.get(random.nextInt(appointments.size()));
                tally("cancel", attempt(() -> desk.cancel(new CancelCommand(id, CancellationReason.PATIENT_REQUEST)),
                        InvalidTransitionException.class, ConflictException.class));
            } else if (choice < 95 && !appointments.isEmpty()) {
                AppointmentId id = appointments.get(random.nextInt(appointments.size()));
                List<RoleAssignment> resources = List.of();
                tally("reschedule", attempt(() -> desk.reschedule(new RescheduleCommand(id, start, resources, "moved",
                                Optional.empty())), SlotUnavailableException.class, BookingRefusedException.class,
                        InvalidRequestException.class, InvalidTransitionException.class, ConflictException.class));
            } else {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(20)));
            }
        }

        private <T> Outcome<T> tally(String call, Outcome<T> outcome) {
            tallies.computeIfAbsent(call + " " + outcome.describe(), k -> new LongAdder()).increment();
            return outcome;
        }

        // -------------------------------------------------------------- invariants

        void record(Appointment appointment) {
            if (known.add(appointment.id())) {
                appointments.add(appointment.id());
            }
        }

        Appointment stored(AppointmentId id) {
            return storage.read(tx -> tx.appointments().find(id)).orElseThrow();
        }

        /** Everything the calls so far returned agrees with storage, and storage is consistent. */
        void checkInvariants() {
            Map<String, Appointment> stored = checkStorage();
            assertThat(stored.keySet()).as("appointments in storage are exactly those the calls returned")
                    .isEqualTo(known.stream().map(AppointmentId::value).collect(Collectors.toSet()));
            storage.read(tx -> {
                for (HoldRecord h : holds) {
                    String owner = "hold:" + h.hold.id().value();
                    if (h.released || h.confirmed) {
                        assertThat(tx.holds().find(h.hold.id())).as("released or confirmed " + owner).isEmpty();
                        assertThat(tx.claims().owned(owner)).as("claims of released or confirmed " + owner).isEmpty();
                    } else {
                        assertThat(tx.holds().find(h.hold.id())).as(owner).contains(h.hold);
                        assertThat(tx.claims().owned(owner)).as("claims of " + owner)
                                .containsExactlyInAnyOrderElementsOf(expectedClaims(h.hold.slot().service(),
                                        h.hold.slot().start(), h.hold.slot().resources(), owner,
                                        Optional.of(h.hold.expiresAt()), false));
                    }
                }
                return null;
            });
        }

        /**
         * The invariants that storage alone must satisfy at any committed moment, read in one unit.
         * The clock is read inside the unit: every unit committed before it read an earlier time, so
         * a hold that lapsed before a later booking took its place never counts against it.
         *
         * @return the appointments by id
         */
        Map<String, Appointment> checkStorage() {
            return storage.read(tx -> {
                Instant now = clock.instant();
                List<ResourceId> ids = RESOURCES.stream().map(Resource::id).toList();
                List<Claim> active = tx.claims().active(ids, EARLIEST, LATEST, now);
                for (Resource r : RESOURCES) {
                    List<Claim> ordinary = active.stream()
                            .filter(c -> c.resource().equals(r.id()) && !c.overCapacity()).toList();
                    for (Claim c : ordinary) {
                        List<Claim> atStart = ordinary.stream()
                                .filter(o -> !o.start().isAfter(c.start()) && o.end().isAfter(c.start())).toList();
                        assertThat(atStart.size()).as("claims on " + r.id() + " (capacity " + r.capacity() + ") at "
                                + local(c.start()) + ": " + atStart).isLessThanOrEqualTo(r.capacity());
                    }
                }
                Map<String, Appointment> all = allAppointments(tx);
                Map<PatientId, List<Appointment>> byPatient = new HashMap<>();
                Set<String> claimingOwners = new HashSet<>();
                for (Appointment a : all.values()) {
                    ServiceType service = SERVICES.get(a.service());
                    String owner = "appointment:" + a.id().value();
                    assertThat(a.end()).isEqualTo(a.start().plus(service.duration()));
                    List<Claim> owned = tx.claims().owned(owner);
                    if (a.status().claimsResources()) {
                        claimingOwners.add(owner);
                        assertThat(owned).as("claims of " + a.status() + " " + owner)
                                .containsExactlyInAnyOrderElementsOf(expectedClaims(a.service(), a.start(),
                                        a.resources(), owner, Optional.empty(), a.overbooked()));
                        byPatient.computeIfAbsent(a.patient(), p -> new ArrayList<>()).add(a);
                    } else {
                        assertThat(owned).as("claims of " + a.status() + " " + owner).isEmpty();
                    }
                }
                for (List<Appointment> own : byPatient.values()) {
                    for (int i = 0; i < own.size(); i++) {
                        for (int j = i + 1; j < own.size(); j++) {
                            Appointment x = own.get(i);
                            Appointment y = own.get(j);
                            assertThat(x.start().isBefore(y.end()) && y.start().isBefore(x.end()))
                                    .as("patient " + x.patient() + " double-booked: " + x + " and " + y).isFalse();
                        }
                    }
                }
                for (Claim c : active) {
                    if (c.owner().startsWith("hold:")) {
                        Optional<Hold> hold = tx.holds().find(HoldId.of(c.owner().substring("hold:".length())));
                        assertThat(hold).as("hold behind active claim " + c).isPresent();
                        assertThat(c.expiresAt()).contains(hold.get().expiresAt());
                    } else {
                        assertThat(claimingOwners).as("owner of active claim " + c).contains(c.owner());
                    }
                }
                return all;
            });
        }

        Snapshot snapshot() {
            Instant now = clock.instant();
            return storage.read(tx -> {
                List<ResourceId> ids = RESOURCES.stream().map(Resource::id).toList();
                List<String> claims = tx.claims().active(ids, EARLIEST, LATEST, now).stream().map(Claim::toString)
                        .sorted().toList();
                Map<String, Optional<Hold>> held = new TreeMap<>();
                for (HoldRecord h : holds) {
                    held.put(h.hold.id().value(), tx.holds().find(h.hold.id()));
                }
                return new Snapshot(allAppointments(tx), claims, held);
            });
        }

        private static Map<String, Appointment> allAppointments(StorageTransaction tx) {
            Map<String, Appointment> all = new TreeMap<>();
            for (Resource r : RESOURCES) {
                for (Appointment a : tx.appointments().forResource(r.id(), EARLIEST, LATEST)) {
                    all.put(a.id().value(), a);
                }
            }
            return all;
        }
    }

    static List<Claim> expectedClaims(ServiceTypeId serviceId, Instant start, List<RoleAssignment> resources,
                                      String owner, Optional<Instant> expiresAt, boolean overCapacity) {
        ServiceType service = SERVICES.get(serviceId);
        Instant from = start.minus(service.bufferBefore());
        Instant to = start.plus(service.duration()).plus(service.bufferAfter());
        return resources.stream().map(a -> new Claim(a.resource(), from, to, owner, expiresAt, overCapacity)).toList();
    }

    // ------------------------------------------------------------------ helpers

    /** The result of one call: a value or a typed refusal. */
    record Outcome<T>(T value, CoordinatorException failure) {
        boolean failed() {
            return failure != null;
        }

        boolean ok() {
            return failure == null;
        }

        String describe() {
            return failure == null ? "ok" : failure.getClass().getSimpleName();
        }

        void ifOk(Consumer<T> then) {
            if (failure == null) {
                then.accept(value);
            }
        }
    }

    /**
     * Runs a call. A refusal must be a public exception type of the API, one of {@code expected},
     * never the bare root, an adapter failure or an access denial (the desk has every role);
     * anything that is not a {@link CoordinatorException} escapes and fails the property.
     */
    static <T> Outcome<T> note(String call, Outcome<T> outcome) {
        Statistics.label(call).collect(outcome.describe());
        return outcome;
    }

    @SafeVarargs
    static <T> Outcome<T> attempt(Supplier<T> call, Class<? extends CoordinatorException>... expected) {
        try {
            return new Outcome<>(call.get(), null);
        } catch (CoordinatorException e) {
            Class<?> type = e.getClass();
            boolean listed = false;
            List<String> names = new ArrayList<>();
            for (Class<? extends CoordinatorException> x : expected) {
                listed |= x.isInstance(e);
                names.add(x.getSimpleName());
            }
            if (!listed || type == CoordinatorException.class || !Modifier.isPublic(type.getModifiers())
                    || !type.getPackageName().startsWith("org.medcoord.api.")
                    || e instanceof AdapterException || e instanceof AccessDeniedException) {
                fail("unexpected " + type.getName() + " (expected one of " + names + ")", e);
            }
            return new Outcome<>(null, e);
        }
    }

    static boolean onGrid(Instant instant) {
        return instant.getNano() == 0 && instant.getEpochSecond() % 300 == 0;
    }

    static String local(Instant instant) {
        return instant.atZone(ZONE).toLocalDateTime() + instant.atZone(ZONE).getOffset().toString();
    }

    static List<ResourceId> ids(String... values) {
        return Arrays.stream(values).map(ResourceId::of).toList();
    }

    /** Registers one given storage, so that the test can read it directly. */
    static CoordinatorPlugin using(Storage storage) {
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return "ledger-memory";
            }

            @Override
            public List<Storage> storages() {
                return List.of(storage);
            }
        };
    }

}
