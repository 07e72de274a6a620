package org.medcoord.adapter.jdbc.it;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.core.Coordinators;
import org.medcoord.spi.storage.Storage;

/**
 * Two coordinators, each with its own plugin and connection pool, on one PostgreSQL database: the
 * way two application nodes share a hospital's database. Eight threads, four per node, book
 * random starts on three capacity-1 clinicians and one capacity-2 room.
 */
class PostgresTwoNodeHammerIT {
    private static final int CLINICIANS = 3;
    private static final int THREADS_PER_NODE = 4;
    private static final int ATTEMPTS_PER_THREAD = 120;
    private static final int DAYS = 4;

    @Test
    void two_nodes_never_double_book_and_every_attempt_ends_booked_or_in_a_typed_conflict() throws Exception {
        JdbcOptions options = ItPostgres.newDatabase("two_node_hammer");
        Clock clock = Clock.fixed(ItClinic.NOW, ZoneOffset.UTC);
        Hammer.Result result;
        try (Coordinator nodeA = coordinator(options, clock); Coordinator nodeB = coordinator(options, clock)) {
            // Defined through one node while the other is already running, as an administrator would.
            ItClinic.define(nodeA, CLINICIANS);
            List<CoordinatorSession> desks = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                desks.add(ItClinic.desk(nodeA, "u-a" + t));
                desks.add(ItClinic.desk(nodeB, "u-b" + t));
            }
            result = Hammer.run(desks, ATTEMPTS_PER_THREAD, DAYS, CLINICIANS, 20270301L);
        }
        try (Storage storage = JdbcStorage.open(options)) {
            StoredState state = StoredState.read(storage, ItClinic.resources(CLINICIANS), ItClinic.NOW);
            System.out.printf("PostgreSQL, two nodes, %d threads: %d attempts, %d booked, %d typed conflicts, "
                    + "%d claims, %d overlaps%n", 2 * THREADS_PER_NODE, result.attempts(), result.booked().size(),
                    result.conflicts(), state.claims.size(), state.overlaps(ItClinic::capacity).size());
            Hammer.assertSound(result, state);
        }
    }

    private static Coordinator coordinator(JdbcOptions options, Clock clock) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(options)).clock(clock).build();
    }
}
