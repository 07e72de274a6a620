package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.audit.UnsealedRecord;
import org.medcoord.spi.storage.Storage;

/**
 * Two coordinators on one PostgreSQL database, booking from four threads while both seal the audit
 * chain in the background every few milliseconds and privacy officers on both verify it: one
 * consistent chain results, every record sealed exactly once, numbered without gaps, and it
 * verifies from either node.
 */
class PostgresAuditSealingIT {
    private static final int CLINICIANS = 3;
    private static final int THREADS_PER_NODE = 2;
    private static final int BOOKINGS_PER_THREAD = 60;

    private final KeyProvider keys = new GeneratedKeyProvider("shared-audit");

    @Test
    void two_nodes_sealing_concurrently_produce_one_consistent_chain() throws Exception {
        JdbcOptions options = ItPostgres.newDatabase("audit_sealing");
        Clock clock = Clock.fixed(ItClinic.NOW, ZoneOffset.UTC);
        try (Coordinator nodeA = coordinator(options, clock, "node-a");
             Coordinator nodeB = coordinator(options, clock, "node-b")) {
            ItClinic.define(nodeA, CLINICIANS);
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE + 2);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                work.add(pool.submit(() -> book(ItClinic.desk(nodeA, "u-a"), 1L)));
                work.add(pool.submit(() -> book(ItClinic.desk(nodeB, "u-b"), 2L)));
            }
            List<Future<AuditVerification>> checks = new ArrayList<>();
            for (Coordinator node : List.of(nodeA, nodeB)) {
                checks.add(pool.submit(() -> {
                    AuditVerification last = null;
                    for (int i = 0; i < 5; i++) {
                        last = officer(node).audit().verify();
                        assertThat(last.findings()).isEmpty();
                    }
                    return last;
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            for (Future<AuditVerification> check : checks) {
                assertThat(check.get(5, TimeUnit.MINUTES).ok()).isTrue();
            }
            pool.shutdown();
        }

        try (Storage storage = JdbcStorage.open(options)) {
            List<AuditRecord> all = storage.read(tx -> tx.audit().all());
            List<ChainedEvent> chain = storage.read(tx -> tx.audit().chain(Long.MIN_VALUE, 100_000));
            List<UnsealedRecord> unsealed = storage.read(tx -> tx.audit().unsealed(10));
            assertThat(unsealed).as("closing both nodes sealed the rest").isEmpty();
            assertThat(chain).hasSameSizeAs(all);
            assertThat(chain.size()).isGreaterThan(2 * THREADS_PER_NODE * BOOKINGS_PER_THREAD);
            Set<AuditRecord> distinct = new HashSet<>();
            ChainHash previous = ChainHash.GENESIS;
            for (int i = 0; i < chain.size(); i++) {
                ChainedEvent event = chain.get(i);
                assertThat(event.sequence()).isEqualTo(i + 1L);
                assertThat(event.previousHash()).isEqualTo(previous);
                distinct.add(event.record());
                previous = event.hash();
            }
            assertThat(chain).extracting(e -> e.record().node()).contains(NodeId.of("node-a"), NodeId.of("node-b"));
            System.out.printf("PostgreSQL, two nodes sealing: %d events, %d distinct records%n", chain.size(),
                    distinct.size());
        }
        try (Coordinator nodeC = coordinator(options, clock, "node-c")) {
            AuditVerification report = officer(nodeC).audit().verify();
            assertThat(report.findings()).isEmpty();
            assertThat(report.ok()).isTrue();
        }
    }

    private static void book(CoordinatorSession desk, long seed) {
        SplittableRandom random = new SplittableRandom(seed + Thread.currentThread().getId());
        for (int i = 0; i < BOOKINGS_PER_THREAD; i++) {
            try {
                desk.appointments().book(ItClinic.visit("p-" + random.nextInt(1_000),
                        ItClinic.clinician(random.nextInt(CLINICIANS)),
                        ItClinic.at(random.nextInt(3), random.nextInt(ItClinic.GRANULES_PER_DAY - 3))));
            } catch (CoordinatorException refused) {
                // a taken slot is audited as a failed call, which is what this test wants too
            }
        }
    }

    private static CoordinatorSession officer(Coordinator node) {
        return node.session(Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER), Purpose.OPERATIONS);
    }

    private Coordinator coordinator(JdbcOptions options, Clock clock, String node) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(options)).plugin(new CoordinatorPlugin() {
            @Override
            public String id() {
                return "shared-keys";
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return List.of(keys);
            }
        }).clock(clock).node(NodeId.of(node)).sealAuditEvery(Duration.ofMillis(5)).checkpointEvery(50).build();
    }
}
