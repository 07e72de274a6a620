package org.medcoord.core.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.memory.MemoryStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.SlotUnavailableException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.event.DomainEvent;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.Coordinators;
import org.medcoord.core.TestClock;
import org.medcoord.spi.event.DomainEventListener;

class OutboxDispatcherTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);
    private static final ServiceTypeId VISIT = ServiceTypeId.of("visit");

    private final TestClock clock = new TestClock(DAY.atStartOfDay(ZONE).toInstant());
    private final List<Coordinator> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Coordinator::close);
    }

    /** Stands for the process dying in the middle of a delivery pass. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Records every event; fails the first {@code failures} calls. */
    private static final class Recorder implements DomainEventListener {
        final List<DomainEvent> seen = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failures;

        Recorder(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public void on(DomainEvent event) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("downstream unavailable");
            }
            seen.add(event);
        }
    }

    private CoordinatorSession clinic(DomainEventListener listener, int maxAttempts) {
        Coordinator c = Coordinators.builder().plugin(new MemoryStoragePlugin()).clock(clock).listener(listener)
                .maxDeliveryAttempts(maxAttempts).build();
        open.add(c);
        CoordinatorSession admin = c.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR), Purpose.OPERATIONS);
        admin.schedule().defineResource(Resource.of("dr-1", ResourceKind.PRACTITIONER, "Dr 1", ZONE, "main", "gp"));
        admin.schedule().addTemplate(WeeklyTemplate.of(ResourceId.of("dr-1"), DAY, "08:00", "12:00",
                java.time.DayOfWeek.values()));
        admin.schedule().defineService(ServiceType.of(VISIT.value(), "Visit", Duration.ofMinutes(30),
                ResourceRequirement.of("doctor", ResourceKind.PRACTITIONER, "gp")));
        return c.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER), Purpose.TREATMENT);
    }

    private static Instant nine() {
        return DAY.atTime(9, 0).atZone(ZONE).toInstant();
    }

    private Coordinator last() {
        return open.get(open.size() - 1);
    }

    @Test
    void booked_and_cancelled_events_reach_listeners_once_each_in_order() {
        Recorder recorder = new Recorder(0);
        CoordinatorSession desk = clinic(recorder, 8);
        var booked = desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-1"), nine())).appointment();
        desk.appointments().cancel(new CancelCommand(booked.id(), CancellationReason.PATIENT_REQUEST));

        assertThat(last().events().deliverDue()).isEqualTo(2);
        assertThat(last().events().deliverDue()).isZero();
        assertThat(recorder.seen).extracting(DomainEvent::type)
                .containsExactly("appointment.booked", "appointment.cancelled");
        assertThat(recorder.seen).allSatisfy(e -> {
            assertThat(e.aggregateId()).isEqualTo(booked.id().value());
            assertThat(e.payload()).contains("\"patient\":\"p-1\"");
            assertThat(e.attempt()).isEqualTo(1);
        });
    }

    @Test
    void a_rolled_back_booking_leaves_no_event() {
        Recorder recorder = new Recorder(0);
        CoordinatorSession desk = clinic(recorder, 8);
        desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-1"), nine()));
        assertThatThrownBy(() -> desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-2"), nine())))
                .isInstanceOf(SlotUnavailableException.class);

        last().events().deliverDue();
        assertThat(recorder.seen).singleElement().satisfies(e -> assertThat(e.payload()).contains("p-1"));
    }

    @Test
    void a_failing_listener_is_retried_with_back_off_then_succeeds() {
        Recorder recorder = new Recorder(2);
        CoordinatorSession desk = clinic(recorder, 8);
        desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-1"), nine()));

        assertThat(last().events().deliverDue()).isZero();
        assertThat(last().events().deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(last().events().deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(last().events().deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(last().events().deliverDue()).isEqualTo(1);
        assertThat(recorder.seen).singleElement().satisfies(e -> assertThat(e.attempt()).isEqualTo(3));
    }

    @Test
    void an_event_that_keeps_failing_is_parked_visibly_not_dropped() {
        Recorder recorder = new Recorder(Integer.MAX_VALUE);
        CoordinatorSession desk = clinic(recorder, 3);
        var booked = desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-1"), nine())).appointment();

        for (int i = 0; i < 10; i++) {
            last().events().deliverDue();
            clock.advance(Duration.ofMinutes(11));
        }

        assertThat(last().events().parked(10)).singleElement().satisfies(e -> {
            assertThat(e.aggregateId()).isEqualTo(booked.id().value());
            assertThat(e.attempt()).isEqualTo(3);
        });
        assertThat(recorder.failures.get()).isEqualTo(Integer.MAX_VALUE - 3);
    }

    @Test
    void a_dispatcher_that_dies_mid_pass_loses_nothing_and_the_next_pass_delivers_everything() {
        List<DomainEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        DomainEventListener dying = new DomainEventListener() {
            @Override
            public String id() {
                return "dying";
            }

            @Override
            public void on(DomainEvent event) {
                if (calls.incrementAndGet() == 2) {
                    throw new SimulatedCrash();
                }
                delivered.add(event);
            }
        };
        CoordinatorSession desk = clinic(dying, 8);
        desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-1"), nine()));
        desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-2"), nine().plus(Duration.ofHours(1))));
        desk.appointments().book(BookCommand.at(VISIT, PatientId.of("p-3"), nine().plus(Duration.ofHours(2))));

        assertThatThrownBy(() -> last().events().deliverDue()).isInstanceOf(SimulatedCrash.class);
        assertThat(last().events().deliverDue()).isEqualTo(3);
        assertThat(delivered).extracting(DomainEvent::payload)
                .anySatisfy(p -> assertThat(p).contains("p-1"))
                .anySatisfy(p -> assertThat(p).contains("p-2"))
                .anySatisfy(p -> assertThat(p).contains("p-3"));
    }

    @Test
    void background_delivery_runs_until_the_coordinator_closes() throws InterruptedException {
        Recorder recorder = new Recorder(0);
        Coordinator c = Coordinators.builder().plugin(new MemoryStoragePlugin()).clock(clock).listener(recorder)
                .dispatchEvery(Duration.ofMillis(10)).build();
        CoordinatorSession admin = c.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR), Purpose.OPERATIONS);
        admin.schedule().defineResource(Resource.of("dr-1", ResourceKind.PRACTITIONER, "Dr 1", ZONE, "main", "gp"));
        admin.schedule().addTemplate(WeeklyTemplate.of(ResourceId.of("dr-1"), DAY, "08:00", "12:00",
                java.time.DayOfWeek.values()));
        admin.schedule().defineService(ServiceType.of(VISIT.value(), "Visit", Duration.ofMinutes(30),
                ResourceRequirement.of("doctor", ResourceKind.PRACTITIONER, "gp")));
        c.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER), Purpose.TREATMENT).appointments()
                .book(BookCommand.at(VISIT, PatientId.of("p-1"), nine()));
        for (int i = 0; i < 500 && recorder.seen.isEmpty(); i++) {
            Thread.sleep(10);
        }
        c.close();
        assertThat(recorder.seen).hasSize(1);
    }
}
