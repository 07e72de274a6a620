package org.medcoord.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcoord.spi.testkit.Fixtures.DAY;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.appointment;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.audit;
import static org.medcoord.spi.testkit.Fixtures.claim;
import static org.medcoord.spi.testkit.Fixtures.resource;
import static org.medcoord.spi.testkit.Fixtures.rid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.StorageTransaction;

/** What the memory storage adds to the contract: nesting, confinement, closing, read concurrency, scale. */
class MemoryStorageTest {
    private static final AppointmentId A1 = AppointmentId.of("a-1");
    private static final AppointmentId A2 = AppointmentId.of("a-2");

    private final MemoryStorage storage = new MemoryStorage();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        storage.close();
    }

    @Test
    void describesItselfAsMemory() {
        assertEquals("memory", storage.describe());
    }

    @Test
    void aFinishingReadCommitsNothingEarlySoAUnitFailingAfterItLeavesNothing() {
        CalendarQuery finishing = new CalendarQuery(List.of(rid("dr-a")), at("08:00"), at("18:00"), NOW,
                Optional.empty(), at("08:00"), at("18:00")).asFinishing();

        assertThrows(IllegalStateException.class, () -> storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            tx.audit().append(audit("appointment.search", "consult"));
            tx.calendar(finishing);
            tx.audit().append(audit("late", "x"));
            return null;
        }));

        assertEquals(Optional.empty(), storage.read(tx -> tx.appointments().find(A1)));
        assertEquals(List.of(), storage.read(tx -> tx.audit().all()));
    }

    @Test
    void nestedUnitCommitsWithTheOuterUnit() {
        storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            return storage.inTransaction(inner -> {
                inner.appointments().insert(appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a"));
                return null;
            });
        });

        assertTrue(find(A1).isPresent());
        assertTrue(find(A2).isPresent());
    }

    @Test
    void outerFailureUndoesTheNestedUnitToo() {
        IllegalStateException failure = new IllegalStateException("outer fails");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> storage.inTransaction(tx -> {
            storage.inTransaction(inner -> {
                inner.appointments().insert(appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a"));
                return null;
            });
            throw failure;
        })));

        assertEquals(Optional.empty(), find(A2));
    }

    @Test
    void nestedFailureUndoesOnlyTheNestedWrites() {
        RuntimeException failure = new RuntimeException("inner fails");
        RuntimeException caught = storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            try {
                storage.inTransaction(inner -> {
                    inner.appointments().insert(appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a"));
                    throw failure;
                });
                return null;
            } catch (RuntimeException e) {
                assertEquals(Optional.empty(), tx.appointments().find(A2));
                return e;
            }
        });

        assertSame(failure, caught);
        assertTrue(find(A1).isPresent());
        assertEquals(Optional.empty(), find(A2));
    }

    @Test
    void readInsideAUnitSeesItsWritesAndCannotWrite() {
        storage.inTransaction(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            assertEquals(1, (int) storage.read(view -> view.audit().all().size()));
            assertThrows(IllegalStateException.class,
                    () -> storage.read(view -> {
                        view.audit().append(audit("appointment.book", "a-2"));
                        return null;
                    }));
            return null;
        });

        assertEquals(1, (int) storage.read(tx -> tx.audit().all().size()));
    }

    @Test
    void writesAndWritingUnitsAreRefusedInsideRead() {
        assertThrows(IllegalStateException.class, () -> storage.read(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            return null;
        }));
        assertThrows(IllegalStateException.class, () -> storage.read(tx -> storage.inTransaction(inner -> null)));
        assertEquals(List.of(), storage.read(tx -> tx.audit().all()));
    }

    @Test
    void transactionAndItsStoresAreRefusedAfterTheUnitEnds() {
        List<StorageTransaction> kept = new ArrayList<>();
        List<AuditStore> keptStore = new ArrayList<>();
        storage.inTransaction(tx -> {
            kept.add(tx);
            keptStore.add(tx.audit());
            return null;
        });

        assertThrows(IllegalStateException.class, () -> kept.get(0).audit());
        assertThrows(IllegalStateException.class, () -> kept.get(0).claims());
        assertThrows(IllegalStateException.class, () -> keptStore.get(0).all());
        assertThrows(IllegalStateException.class, () -> keptStore.get(0).append(audit("appointment.book", "a-1")));
    }

    @Test
    void transactionIsRefusedOnAnotherThread() throws Exception {
        Throwable[] seen = new Throwable[2];
        storage.inTransaction(tx -> {
            AuditStore store = tx.audit();
            Future<?> other = pool.submit(() -> {
                seen[0] = catchThrowable(tx::audit);
                seen[1] = catchThrowable(() -> store.append(audit("appointment.book", "a-1")));
            });
            try {
                other.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });

        assertInstanceOf(IllegalStateException.class, seen[0]);
        assertInstanceOf(IllegalStateException.class, seen[1]);
        assertEquals(List.of(), storage.read(tx -> tx.audit().all()));
    }

    @Test
    void closedStorageRefusesNewUnits() {
        storage.close();
        storage.close();

        assertThrows(IllegalStateException.class, () -> storage.inTransaction(tx -> null));
        assertThrows(IllegalStateException.class, () -> storage.read(tx -> null));
    }

    @Test
    void readingUnitsRunTogether() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        List<Future<Boolean>> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            readers.add(pool.submit(() -> storage.read(tx -> {
                bothInside.countDown();
                try {
                    return bothInside.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            })));
        }

        for (Future<Boolean> reader : readers) {
            assertTrue(reader.get(20, TimeUnit.SECONDS), "a reader waited for the other to finish");
        }
    }

    @Test
    void readerNeverSeesAWritingUnitHalfDone() throws Exception {
        CountDownLatch writerInside = new CountDownLatch(1);
        CountDownLatch readerDone = new CountDownLatch(1);
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Future<?> writer = pool.submit(() -> storage.inTransaction(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            writerInside.countDown();
            try {
                readerDone.await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tx.audit().append(audit("appointment.book", "a-2"));
            return null;
        }));
        assertTrue(writerInside.await(10, TimeUnit.SECONDS));
        pool.submit(() -> {
            seen.complete(storage.read(tx -> tx.audit().all().size()));
            readerDone.countDown();
        });

        writer.get(10, TimeUnit.SECONDS);
        assertEquals(2, seen.get(10, TimeUnit.SECONDS));
    }

    @Test
    void manyClaimsAreFoundByPeriodAsByBruteForce() {
        List<ResourceId> resources = List.of(rid("r-0"), rid("r-1"), rid("r-2"), rid("r-3"));
        storage.inTransaction(tx -> {
            resources.forEach(r -> tx.schedule().putResource(resource(r.value(), 1000)));
            return null;
        });
        Random random = new Random(42);
        List<Claim> all = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Instant start = DAY.plus(Duration.ofMinutes(5L * random.nextInt(7 * 288)));
                long minutes = random.nextInt(200) == 0 ? 24 * 60 : 5L * (1 + random.nextInt(12));
                claims.add(claim(resources.get(random.nextInt(resources.size())).value(), start,
                        start.plus(Duration.ofMinutes(minutes)), "appointment:b" + batch + "-" + i));
            }
            assertEquals(Optional.empty(), storage.inTransaction(tx -> tx.claims().claimAll(claims, NOW)));
            all.addAll(claims);
        }
        Comparator<Claim> order = Comparator.comparing((Claim c) -> c.resource().value()).thenComparing(Claim::start)
                .thenComparing(Claim::owner);

        for (int q = 0; q < 200; q++) {
            Instant from = DAY.plus(Duration.ofMinutes(5L * random.nextInt(7 * 288)));
            Instant to = from.plus(Duration.ofMinutes(5L * (1 + random.nextInt(24))));
            List<ResourceId> asked = List.of(resources.get(q % 4), resources.get((q + 1) % 4));
            List<Claim> expected = all.stream().filter(c -> asked.contains(c.resource()) && c.overlaps(from, to))
                    .sorted(order).collect(Collectors.toList());
            assertEquals(expected, storage.read(tx -> tx.claims().active(asked, from, to, NOW)));
        }
    }

    private Optional<Appointment> find(AppointmentId id) {
        return storage.read(tx -> tx.appointments().find(id));
    }

    private static Throwable catchThrowable(Runnable action) {
        try {
            action.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
