package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.medcoord.spi.testkit.Fixtures.event;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcoord.spi.storage.OutboxRecord;

/**
 * The contract of {@link org.medcoord.spi.storage.OutboxStore}: pending records come in append
 * order, delivered ones leave the list, and neither a rolled-back append nor a rolled-back
 * delivery is seen.
 *
 * @since 0.1
 */
public abstract class OutboxStoreContract extends ContractSupport {
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

    private List<OutboxRecord> pending(int limit) {
        return read(tx -> tx.outbox().pending(limit));
    }
}
