package org.medcoord.core.audit.internal;

import java.util.Optional;
import java.util.List;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;

/** One chain of 100,000 events and a checkpoint of its head, built once and shared by the tests that need size. */
final class LargeChain {
    static final int SIZE = 100_000;
    static final List<ChainedEvent> EVENTS = List.copyOf(AuditFixtures.chain(SIZE, 20_270_301));
    static final GeneratedKeyProvider KEYS = new GeneratedKeyProvider("large");
    static final Checkpoint HEAD = Checkpoint.sign(Optional.empty(), SIZE, EVENTS.get(SIZE - 1).hash(),
            AuditFixtures.START.plusSeconds(86_400), KEYS);

    private LargeChain() {
    }
}
