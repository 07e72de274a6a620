package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.hold;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;

/**
 * The contract of {@link org.medcoord.spi.storage.HoldStore}: holds come back as stored, expired
 * or not, until deleted.
 *
 * @since 0.1
 */
public class HoldStoreContract extends ContractSupport {
    private static final HoldId H1 = HoldId.of("h-1");

    /** For subclasses. */
    protected HoldStoreContract() {
    }

    @Test
    void insertedHoldIsFoundAsStored() {
        Hold hold = hold("h-1", "p-1", "dr-a", at("09:00"), at("09:30"), at("08:00"));
        update(tx -> tx.holds().insert(hold));

        assertEquals(Optional.of(hold), read(tx -> tx.holds().find(H1)));
        assertEquals(Optional.empty(), read(tx -> tx.holds().find(HoldId.of("h-2"))));
    }

    @Test
    void expiredHoldIsStillReturned() {
        Hold expired = hold("h-1", "p-1", "dr-a", at("09:00"), at("09:30"), NOW.minus(Duration.ofDays(30)));
        update(tx -> tx.holds().insert(expired));

        assertEquals(Optional.of(expired), read(tx -> tx.holds().find(H1)));
    }

    @Test
    void deleteRemovesTheHoldAndSaysWhetherItExisted() {
        Hold first = hold("h-1", "p-1", "dr-a", at("09:00"), at("09:30"), at("08:00"));
        Hold second = hold("h-2", "p-2", "dr-b", at("09:00"), at("09:30"), at("08:00"));
        update(tx -> {
            tx.holds().insert(first);
            tx.holds().insert(second);
        });

        assertTrue((boolean) write(tx -> tx.holds().delete(H1)));

        assertEquals(Optional.empty(), read(tx -> tx.holds().find(H1)));
        assertEquals(Optional.of(second), read(tx -> tx.holds().find(HoldId.of("h-2"))));
        assertFalse((boolean) write(tx -> tx.holds().delete(H1)));
        assertFalse((boolean) write(tx -> tx.holds().delete(HoldId.of("h-3"))));
    }

    @Test
    void deletedIdCanBeInsertedAgain() {
        Hold first = hold("h-1", "p-1", "dr-a", at("09:00"), at("09:30"), at("08:00"));
        Hold again = hold("h-1", "p-1", "dr-a", at("10:00"), at("10:30"), at("08:30"));
        update(tx -> tx.holds().insert(first));
        update(tx -> tx.holds().delete(H1));
        update(tx -> tx.holds().insert(again));

        assertEquals(Optional.of(again), read(tx -> tx.holds().find(H1)));
    }
}
