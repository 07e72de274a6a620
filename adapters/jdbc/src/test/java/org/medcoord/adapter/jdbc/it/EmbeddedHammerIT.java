package org.medcoord.adapter.jdbc.it;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.core.Coordinators;
import org.medcoord.spi.storage.Storage;

/**
 * The hammer of {@link PostgresTwoNodeHammerIT} on the embedded H2 file. An embedded file belongs
 * to one process, so here one coordinator serves all eight threads.
 */
class EmbeddedHammerIT {
    private static final int CLINICIANS = 3;
    private static final int THREADS = 8;
    private static final int ATTEMPTS_PER_THREAD = 120;
    private static final int DAYS = 4;

    @TempDir
    Path dir;

    @Test
    void eight_threads_never_double_book_and_every_attempt_ends_booked_or_in_a_typed_conflict() throws Exception {
        JdbcOptions options = JdbcOptions.embedded(dir.resolve("hammer"));
        Clock clock = Clock.fixed(ItClinic.NOW, ZoneOffset.UTC);
        Hammer.Result result;
        try (Coordinator coordinator = Coordinators.builder().plugin(new JdbcStoragePlugin(options)).clock(clock)
                .build()) {
            ItClinic.define(coordinator, CLINICIANS);
            List<CoordinatorSession> desks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                desks.add(ItClinic.desk(coordinator, "u-" + t));
            }
            result = Hammer.run(desks, ATTEMPTS_PER_THREAD, DAYS, CLINICIANS, 20270302L);
        }
        try (Storage storage = JdbcStorage.open(options)) {
            StoredState state = StoredState.read(storage, ItClinic.resources(CLINICIANS), ItClinic.NOW);
            System.out.printf("H2 file, one coordinator, %d threads: %d attempts, %d booked, %d typed conflicts, "
                    + "%d claims, %d overlaps%n", THREADS, result.attempts(), result.booked().size(),
                    result.conflicts(), state.claims.size(), state.overlaps(ItClinic::capacity).size());
            Hammer.assertSound(result, state);
        }
    }
}
