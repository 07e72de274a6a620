package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.SlotUnavailableException;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.event.DomainEvent;
import org.medcoord.core.Coordinators;
import org.medcoord.spi.event.DomainEventListener;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.Storage;

/**
 * The transactional outbox on PostgreSQL under faults, with two nodes delivering at once.
 *
 * <p>Node A's dispatcher "dies" in the middle of a delivery pass: its listener throws an
 * {@link Error} after some events, the way a process dies between handing an event on and
 * recording that it did, so the pass's transaction never commits. Node B delivers concurrently
 * and afterwards. Then a listener that always fails shows retries with back-off and parking.
 */
class OutboxFaultIT {
    private static final int CLINICIANS = 10;
    private static final int BOOKINGS = 300;
    private static final int RACED_SLOTS = 40;
    /** Node A dies while handing on its this-many-th event. */
    private static final int A_DIES_AT = 40;
    /** Safety bound for waits between the two dispatchers; never reached when the adapter behaves. */
    private static final long WAIT_LIMIT_SECONDS = 60;

    /** Stands for the process dying in the middle of a delivery pass. */
    private static final class SimulatedDeath extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedDeath() {
            super("simulated death of the dispatching process");
        }
    }

    @Test
    void a_dispatcher_dying_mid_pass_loses_nothing_and_lost_races_leave_no_event() throws Exception {
        JdbcOptions options = ItPostgres.newDatabase("outbox_fault");
        TestClock clock = new TestClock(ItClinic.NOW);
        Set<String> seenByA = ConcurrentHashMap.newKeySet();
        List<DomainEvent> deliveredByB = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch aHoldsABatch = new CountDownLatch(1);
        CountDownLatch bDelivered = new CountDownLatch(1);
        AtomicBoolean bDeliveredWhileAHeldItsBatch = new AtomicBoolean();
        AtomicInteger aCalls = new AtomicInteger();

        DomainEventListener dying = listener("dying", event -> {
            seenByA.add(event.eventId());
            int call = aCalls.incrementAndGet();
            if (call == 1) {
                aHoldsABatch.countDown();
            }
            if (call == A_DIES_AT) {
                bDeliveredWhileAHeldItsBatch.set(await(bDelivered));
                throw new SimulatedDeath();
            }
        });
        DomainEventListener recording = listener("recording", event -> {
            deliveredByB.add(event);
            bDelivered.countDown();
        });

        Set<AppointmentId> booked = new HashSet<>();
        Set<String> losers = new HashSet<>();
        try (Coordinator nodeA = coordinator(options, clock, dying, 8);
             Coordinator nodeB = coordinator(options, clock, recording, 8)) {
            ItClinic.define(nodeA, CLINICIANS);
            CoordinatorSession deskA = ItClinic.desk(nodeA, "u-a");
            CoordinatorSession deskB = ItClinic.desk(nodeB, "u-b");
            for (int i = 0; i < BOOKINGS; i++) {
                booked.add(deskA.appointments().book(slot("p-" + i, 0, i)).appointment().id());
                if (i % 10 == 0) {
                    // A lost race decided at the availability check.
                    String loser = "late-" + i;
                    BookCommand taken = slot(loser, 0, i);
                    assertThatThrownBy(() -> deskB.appointments().book(taken))
                            .isInstanceOf(SlotUnavailableException.class);
                    losers.add(loser);
                }
            }
            race(deskA, deskB, booked, losers);

            AtomicReference<Throwable> aEnded = new AtomicReference<>();
            AtomicBoolean aDone = new AtomicBoolean();
            Thread dispatcherA = new Thread(() -> {
                try {
                    while (!aDone.get()) {
                        nodeA.events().deliverDue();
                    }
                } catch (Throwable t) {
                    aEnded.set(t);
                } finally {
                    aDone.set(true);
                }
            }, "dispatcher-a");
            AtomicReference<Throwable> bFailed = new AtomicReference<>();
            Thread dispatcherB = new Thread(() -> {
                try {
                    await(aHoldsABatch);
                    // Until A is gone and a pass of B finds nothing left.
                    for (int pass = 0; pass < 100_000; pass++) {
                        boolean aGone = aDone.get();
                        if (nodeB.events().deliverDue() == 0 && aGone) {
                            break;
                        }
                    }
                } catch (Throwable t) {
                    bFailed.set(t);
                } finally {
                    aDone.set(true);
                }
            }, "dispatcher-b");
            dispatcherA.start();
            dispatcherB.start();
            dispatcherA.join();
            dispatcherB.join();

            assertThat(bFailed.get()).as("node B's dispatcher failed").isNull();
            assertThat(aEnded.get()).as("node A's dispatcher died as planned").isInstanceOf(SimulatedDeath.class);
            assertThat(bDeliveredWhileAHeldItsBatch).as("node B delivered while node A held its claimed batch "
                    + "(rows are claimed with SKIP LOCKED, not waited for)").isTrue();
            assertThat(nodeB.events().parked(10)).isEmpty();
        }

        Set<String> deliveredIds = new HashSet<>();
        Set<String> bookedAggregates = new HashSet<>();
        for (DomainEvent e : deliveredByB) {
            deliveredIds.add(e.eventId());
            if (e.type().equals("appointment.booked")) {
                bookedAggregates.add(e.aggregateId());
            }
            for (String loser : losers) {
                assertThat(e.payload()).as("event %s of type %s", e.eventId(), e.type())
                        .doesNotContain("\"" + loser + "\"");
            }
        }
        System.out.printf("outbox: %d bookings, %d lost races, %d events delivered by B (%d distinct); node A saw "
                        + "%d before dying, all redelivered by B: %s%n", booked.size(), losers.size(),
                deliveredByB.size(), deliveredIds.size(), seenByA.size(), deliveredIds.containsAll(seenByA));
        assertThat(bookedAggregates).containsExactlyInAnyOrderElementsOf(
                booked.stream().map(AppointmentId::value).toList());
        assertThat(deliveredIds).as("what A handed on but never recorded is delivered again")
                .containsAll(seenByA);
        try (Storage storage = JdbcStorage.open(options)) {
            List<OutboxRecord> left = storage.read(tx -> tx.outbox().pending(10));
            assertThat(left).as("events left undelivered").isEmpty();
        }
    }

    @Test
    void a_listener_that_keeps_failing_is_retried_with_back_off_then_parked_visibly_and_durably() {
        JdbcOptions options = ItPostgres.newDatabase("outbox_park");
        TestClock clock = new TestClock(ItClinic.NOW);
        AtomicInteger calls = new AtomicInteger();
        DomainEventListener failing = listener("always-failing", event -> {
            calls.incrementAndGet();
            throw new IllegalStateException("downstream unavailable");
        });
        AppointmentId id;
        try (Coordinator node = coordinator(options, clock, failing, 3)) {
            ItClinic.define(node, 1);
            id = ItClinic.desk(node, "u-desk").appointments().book(slot("p-1", 0, 0)).appointment().id();

            assertThat(node.events().deliverDue()).isZero();
            assertThat(calls).as("first attempt").hasValue(1);
            assertThat(node.events().deliverDue()).isZero();
            assertThat(calls).as("not retried before its back-off of 1 s has passed").hasValue(1);
            clock.advance(Duration.ofSeconds(1));
            node.events().deliverDue();
            assertThat(calls).as("second attempt after 1 s").hasValue(2);
            clock.advance(Duration.ofSeconds(1));
            node.events().deliverDue();
            assertThat(calls).as("not retried before its back-off of 2 s has passed").hasValue(2);
            clock.advance(Duration.ofSeconds(1));
            node.events().deliverDue();
            assertThat(calls).as("third and last attempt").hasValue(3);
            clock.advance(Duration.ofHours(1));
            node.events().deliverDue();
            assertThat(calls).as("a parked event is not attempted again").hasValue(3);
        }
        try (Coordinator restarted = coordinator(options, clock, failing, 3)) {
            assertThat(restarted.events().parked(10)).as("parked after a restart too").singleElement()
                    .satisfies(e -> {
                        assertThat(e.type()).isEqualTo("appointment.booked");
                        assertThat(e.aggregateId()).isEqualTo(id.value());
                        assertThat(e.attempt()).isEqualTo(3);
                    });
            restarted.events().deliverDue();
            assertThat(calls).hasValue(3);
        }
    }

    /**
     * Two nodes book the same slots at the same moment; exactly one of each pair wins. Losers here
     * may lose at the availability check or at the claim itself (the exclusion constraint), in which
     * case their transaction has written and is rolled back.
     */
    private static void race(CoordinatorSession deskA, CoordinatorSession deskB, Set<AppointmentId> booked,
                             Set<String> losers) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<AppointmentId> winners = Collections.synchronizedList(new ArrayList<>());
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (CoordinatorSession desk : List.of(deskA, deskB)) {
            String side = desk == deskA ? "a" : "b";
            Thread t = new Thread(() -> {
                for (int j = 0; j < RACED_SLOTS; j++) {
                    String patient = "race-" + side + "-" + j;
                    try {
                        together.await(WAIT_LIMIT_SECONDS, TimeUnit.SECONDS);
                        winners.add(desk.appointments().book(slot(patient, 1, j)).appointment().id());
                    } catch (ConflictException e) {
                        lost.add(patient);
                    } catch (Throwable e) {
                        unexpected.add(e);
                        return;
                    }
                }
            }, "race-" + side);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(unexpected).isEmpty();
        assertThat(winners).hasSize(RACED_SLOTS);
        assertThat(lost).hasSize(RACED_SLOTS);
        booked.addAll(winners);
        losers.addAll(lost);
    }

    /** The {@code i}-th free 15-minute visit of day {@code day}: clinicians in turn, quarter hours. */
    private static BookCommand slot(String patient, int day, int i) {
        return ItClinic.visit(patient, ItClinic.clinician(i % CLINICIANS), ItClinic.at(day, 3 * (i / CLINICIANS)));
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(WAIT_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Coordinator coordinator(JdbcOptions options, TestClock clock, DomainEventListener listener,
                                           int maxAttempts) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(options)).clock(clock).listener(listener)
                .maxDeliveryAttempts(maxAttempts).build();
    }

    private static DomainEventListener listener(String id, java.util.function.Consumer<DomainEvent> body) {
        return new DomainEventListener() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void on(DomainEvent event) {
                body.accept(event);
            }
        };
    }
}
