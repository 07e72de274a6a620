package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.spi.testkit.Fixtures.DAY;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.claim;
import static org.medcoord.spi.testkit.Fixtures.resource;
import static org.medcoord.spi.testkit.Fixtures.rid;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;

/**
 * Two storages (two pools, as two nodes would have) race for the same time: the first unit has
 * claimed it and not yet committed when the second one checks, so the second unit's own check
 * sees nothing. On PostgreSQL the exclusion constraint (capacity 1) or the resource lock (capacity
 * 2) then makes it wait and refuse; on H2 the resource lock does. Either way the loser gets a typed
 * conflict, never an exception, and nothing of its own is stored.
 */
class ClaimRaceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-capacity-1", "h2-capacity-2", "postgres-capacity-1", "postgres-capacity-2"})
    void secondClaimerWaitsForTheFirstAndGetsATypedConflict(String backend) throws Exception {
        int capacity = backend.endsWith("2") ? 2 : 1;
        JdbcOptions options = backend.startsWith("h2") ? JdbcOptions.embedded(dir.resolve("race"))
                : TestPostgres.freshDatabase();
        try (JdbcStorage first = JdbcStorage.open(options); JdbcStorage second = JdbcStorage.open(options)) {
            first.inTransaction(tx -> {
                tx.schedule().putResource(resource("dr-a", capacity));
                return null;
            });
            if (capacity == 2) {
                first.inTransaction(tx -> tx.claims().claimAll(List.of(claim("dr-a", at("09:00"), at("10:00"),
                        "appointment:a-0")), NOW));
            }
            CountDownLatch firstHasClaimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Optional<ClaimConflict>> winner = CompletableFuture.supplyAsync(() ->
                    first.inTransaction(tx -> {
                        Optional<ClaimConflict> result = tx.claims().claimAll(List.of(claim("dr-a", at("09:00"),
                                at("09:30"), "appointment:a-1")), NOW);
                        firstHasClaimed.countDown();
                        await(release);
                        return result;
                    }));
            assertThat(firstHasClaimed.await(20, TimeUnit.SECONDS)).isTrue();
            Claim late = claim("dr-a", at("09:15"), at("09:45"), "appointment:a-2");
            CompletableFuture<Optional<ClaimConflict>> loser = CompletableFuture.supplyAsync(() ->
                    second.inTransaction(tx -> tx.claims().claimAll(List.of(late), NOW)));

            Thread.sleep(300);
            assertThat(loser).as("the second claimer waits for the first unit to end").isNotDone();
            release.countDown();

            assertThat(winner.get(20, TimeUnit.SECONDS)).isEmpty();
            assertThat(loser.get(20, TimeUnit.SECONDS)).contains(new ClaimConflict(late, rid("dr-a")));
            List<Claim> stored = second.read(tx -> tx.claims().active(List.of(rid("dr-a")), DAY, at("23:00"), NOW));
            assertThat(stored).extracting(Claim::owner).doesNotContain("appointment:a-2").contains("appointment:a-1");
        }
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
