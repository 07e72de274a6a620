package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.event;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcoord.spi.storage.PendingEvent;

/**
 * Two dispatchers on two pools (two nodes) claim due outbox records at the same time: the second
 * skips the records the first has claimed, without waiting for its transaction, and gets them once
 * the first rolls back without delivering. PostgreSQL only: an H2 file serves one process, whose
 * writing units on it take turns, so there the second dispatcher waits instead (as
 * {@link ClaimRaceTest} shows for claims).
 */
class OutboxClaimTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "POSTGRES")
    void secondDispatcherSkipsRecordsTheFirstHasClaimed(Backend backend) throws Exception {
        JdbcOptions options = backend.fresh(dir);
        try (JdbcStorage nodeA = JdbcStorage.open(options); JdbcStorage nodeB = JdbcStorage.open(options)) {
            nodeA.inTransaction(tx -> {
                for (int i = 0; i < 5; i++) {
                    tx.outbox().append(event("e-" + i));
                }
                return null;
            });
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> nodeA.inTransaction(tx -> {
                List<String> ids = ids(tx.outbox().claimDue(NOW, 3));
                claimed.countDown();
                await(release);
                throw new IllegalStateException("dispatcher crashed before delivering " + ids);
            }));
            assertThat(claimed.await(20, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            List<String> second = nodeB.inTransaction(tx -> ids(tx.outbox().claimDue(NOW, 10)));

            assertThat(second).containsExactly("e-3", "e-4");
            assertThat(System.nanoTime() - started).as("did not wait for the first dispatcher")
                    .isLessThan(TimeUnit.SECONDS.toNanos(5));
            release.countDown();
            assertThat(first).failsWithin(20, TimeUnit.SECONDS);
            List<String> afterCrash = nodeB.inTransaction(tx -> ids(tx.outbox().claimDue(NOW, 10)));
            assertThat(afterCrash).containsExactly("e-0", "e-1", "e-2", "e-3", "e-4");
        }
    }

    private static List<String> ids(List<PendingEvent> events) {
        return events.stream().map(e -> e.record().eventId()).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
