package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.medcoord.spi.testkit.Fixtures.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.ConflictException;
import org.junit.jupiter.api.Test;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.PendingEvent;

/**
 * The contract of {@link org.medcoord.spi.storage.OutboxStore}: pending records come in append
 * order, delivered ones leave the list, and neither a rolled-back append nor a rolled-back
 * delivery is seen.
 *
 * @since 0.1
 */
public class OutboxStoreContract extends ContractSupport {
    /** For subclasses. */
    protected OutboxStoreContract() {
    }

    @Test
    void pendingIsInAppendOrder() {
        assertEquals(List.of(), pending(10));
        update(tx -> {
            tx.outbox().append(event("e-3"));
            tx.outbox().append(event("e-1"));
        });
        update(tx -> tx.outbox().append(event("e-2")));

        assertEquals(List.of(event("e-3"), event("e-1"), event("e-2")), pending(10));
    }

    @Test
    void pendingReturnsAtMostTheLimitOldestFirst() {
        update(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.outbox().append(event("e-" + i));
            }
        });

        assertEquals(List.of(event("e-0"), event("e-1")), pending(2));
        assertEquals(List.of(), pending(0));
        assertEquals(5, pending(100).size());
    }

    @Test
    void deliveredRecordsLeavePendingAndTheRestKeepTheirOrder() {
        update(tx -> {
            for (int i = 0; i < 4; i++) {
                tx.outbox().append(event("e-" + i));
            }
        });

        update(tx -> tx.outbox().markDelivered("e-1"));
        update(tx -> tx.outbox().markDelivered("e-0"));

        assertEquals(List.of(event("e-2"), event("e-3")), pending(10));
        assertEquals(List.of(event("e-2")), pending(1));
    }

    @Test
    void markingUnknownOrDeliveredRecordsDoesNothing() {
        update(tx -> {
            tx.outbox().append(event("e-1"));
            tx.outbox().append(event("e-2"));
        });
        update(tx -> tx.outbox().markDelivered("e-1"));

        update(tx -> tx.outbox().markDelivered("e-1"));
        update(tx -> tx.outbox().markDelivered("e-unknown"));

        assertEquals(List.of(event("e-2")), pending(10));
    }

    @Test
    void rolledBackAppendNeverAppears() {
        update(tx -> tx.outbox().append(event("e-1")));
        assertThrows(IllegalStateException.class, () -> update(tx -> {
            tx.outbox().append(event("e-2"));
            throw new IllegalStateException("roll back");
        }));
        update(tx -> tx.outbox().append(event("e-3")));

        assertEquals(List.of(event("e-1"), event("e-3")), pending(10));
    }

    @Test
    void rolledBackDeliveryLeavesTheRecordPendingInItsPlace() {
        update(tx -> {
            for (int i = 0; i < 3; i++) {
                tx.outbox().append(event("e-" + i));
            }
        });
        assertThrows(IllegalStateException.class, () -> update(tx -> {
            tx.outbox().markDelivered("e-0");
            tx.outbox().markDelivered("e-1");
            throw new IllegalStateException("roll back");
        }));

        assertEquals(List.of(event("e-0"), event("e-1"), event("e-2")), pending(10));
    }

    @Test
    void newRecordsAreDueAtOnceWithNoAttempts() {
        update(tx -> tx.outbox().append(event("e-1")));

        List<PendingEvent> due = write(tx -> tx.outbox().claimDue(Fixtures.NOW, 10));

        assertEquals(1, due.size());
        assertEquals(event("e-1"), due.get(0).record());
        assertEquals(0, due.get(0).attempts());
        assertEquals(Optional.empty(), due.get(0).lastError());
        assertEquals(List.of(), write(tx -> tx.outbox().claimDue(Fixtures.NOW.minusSeconds(1), 10)));
    }

    @Test
    void aRetriedRecordIsDueOnlyFromItsNextAttemptAndKeepsItsPlace() {
        update(tx -> {
            tx.outbox().append(event("e-1"));
            tx.outbox().append(event("e-2"));
        });
        Instant later = Fixtures.NOW.plusSeconds(60);
        update(tx -> tx.outbox().retryLater("e-1", 1, later, "listener-failed"));

        assertEquals(List.of("e-2"), dueIds(Fixtures.NOW));
        assertEquals(List.of("e-1", "e-2"), dueIds(later));
        PendingEvent retried = write(tx -> tx.outbox().claimDue(later, 1)).get(0);
        assertEquals(1, retried.attempts());
        assertEquals(later, retried.nextAttemptAt());
        assertEquals(Optional.of("listener-failed"), retried.lastError());
        assertEquals(List.of(event("e-1"), event("e-2")), pending(10));
    }

    @Test
    void parkedRecordsAreKeptVisibleButNeverDueOrPending() {
        update(tx -> {
            tx.outbox().append(event("e-1"));
            tx.outbox().append(event("e-2"));
        });
        update(tx -> tx.outbox().park("e-1", 8, "listener-failed"));

        assertEquals(List.of("e-2"), dueIds(Fixtures.NOW.plusSeconds(3600)));
        assertEquals(List.of(event("e-2")), pending(10));
        List<PendingEvent> parked = read(tx -> tx.outbox().parked(10));
        assertEquals(1, parked.size());
        assertEquals(event("e-1"), parked.get(0).record());
        assertEquals(8, parked.get(0).attempts());
        assertEquals(Optional.of("listener-failed"), parked.get(0).lastError());
    }

    @Test
    void rolledBackRetryAndParkChangeNothing() {
        update(tx -> tx.outbox().append(event("e-1")));
        assertThrows(IllegalStateException.class, () -> update(tx -> {
            tx.outbox().retryLater("e-1", 1, Fixtures.NOW.plusSeconds(60), "x");
            tx.outbox().park("e-1", 1, "x");
            throw new IllegalStateException("roll back");
        }));

        assertEquals(List.of("e-1"), dueIds(Fixtures.NOW));
        assertEquals(List.of(), read(tx -> tx.outbox().parked(10)));
    }

    @Test
    void appendingAnEventIdTwiceIsAConflict() {
        update(tx -> tx.outbox().append(event("e-1")));
        ConflictException twice = assertThrows(ConflictException.class,
                () -> update(tx -> tx.outbox().append(event("e-1"))));
        assertEquals("outbox-event-exists", twice.code());
    }

    private List<String> dueIds(Instant now) {
        return write(tx -> tx.outbox().claimDue(now, 100)).stream().map(e -> e.record().eventId()).toList();
    }

    private List<OutboxRecord> pending(int limit) {
        return read(tx -> tx.outbox().pending(limit));
    }
}
