package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.medcoord.spi.testkit.Fixtures.idempotency;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.storage.IdempotencyRecord;

/**
 * The contract of {@link org.medcoord.spi.storage.IdempotencyStore}: a key is recorded once; a
 * second insert, sequential or concurrent, is refused with code {@code idempotency-key-exists}.
 *
 * @since 0.1
 */
public class IdempotencyStoreContract extends ContractSupport {
    private static final IdempotencyKey K1 = IdempotencyKey.of("k-1");

    /** For subclasses. */
    protected IdempotencyStoreContract() {
    }

    @Test
    void insertedRecordIsFoundAsStored() {
        IdempotencyRecord record = idempotency("k-1", "sha256:abc", "a-1");
        update(tx -> tx.idempotency().insert(record));

        assertEquals(Optional.of(record), read(tx -> tx.idempotency().find(K1)));
        assertEquals(Optional.empty(), read(tx -> tx.idempotency().find(IdempotencyKey.of("k-2"))));
    }

    @Test
    void secondInsertOfAKeyIsRefusedAndKeepsTheFirst() {
        IdempotencyRecord first = idempotency("k-1", "sha256:abc", "a-1");
        update(tx -> tx.idempotency().insert(first));

        ConflictException e = assertThrows(ConflictException.class,
                () -> update(tx -> tx.idempotency().insert(idempotency("k-1", "sha256:def", "a-2"))));

        assertEquals("idempotency-key-exists", e.code());
        assertEquals(Optional.of(first), read(tx -> tx.idempotency().find(K1)));
    }

    @Test
    void secondInsertInTheSameUnitIsRefused() {
        ConflictException e = assertThrows(ConflictException.class, () -> update(tx -> {
            tx.idempotency().insert(idempotency("k-1", "sha256:abc", "a-1"));
            tx.idempotency().insert(idempotency("k-1", "sha256:abc", "a-1"));
        }));

        assertEquals("idempotency-key-exists", e.code());
        assertEquals(Optional.empty(), read(tx -> tx.idempotency().find(K1)));
    }

    @Test
    void concurrentInsertsOfOneKeyLetExactlyOneWin() {
        int threads = 8;
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Concurrently.run(threads, t -> {
            try {
                update(tx -> tx.idempotency().insert(idempotency("k-1", "sha256:" + t, "a-" + t)));
                won.incrementAndGet();
            } catch (ConflictException e) {
                assertEquals("idempotency-key-exists", e.code());
                refused.incrementAndGet();
            }
        });

        assertEquals(1, won.get());
        assertEquals(threads - 1, refused.get());
        IdempotencyRecord stored = read(tx -> tx.idempotency().find(K1)).orElseThrow();
        assertEquals(stored.fingerprint().substring("sha256:".length()), stored.resultId().substring("a-".length()));
    }
}
