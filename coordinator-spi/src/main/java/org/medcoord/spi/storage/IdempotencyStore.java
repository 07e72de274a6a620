package org.medcoord.spi.storage;

import java.util.Optional;
import org.medcoord.api.appointment.IdempotencyKey;

/**
 * Idempotency keys. Records persist as long as the storage does.
 *
 * <p><b>Implementation requirements.</b> {@link #insert} must refuse a key that exists, also
 * against a concurrent transaction that inserted it first (a unique constraint, or a lock).
 *
 * @since 0.1
 */
public interface IdempotencyStore {
    /**
     * Looks up a key.
     *
     * @param key the key
     * @return the record, or empty
     */
    Optional<IdempotencyRecord> find(IdempotencyKey key);

    /**
     * Records a key's first use.
     *
     * @param record the record
     * @throws org.medcoord.api.common.ConflictException with code {@code idempotency-key-exists}
     *     when the key exists
     */
    void insert(IdempotencyRecord record);
}
