package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.Objects;
import org.medcoord.api.appointment.IdempotencyKey;

/**
 * What an idempotency key was first used for.
 *
 * @param key the key
 * @param fingerprint a digest of the request, to recognise a different request under the same key
 * @param resultId the id of the first result, for example an appointment id
 * @param createdAt when it was first used
 * @since 0.1
 */
public record IdempotencyRecord(IdempotencyKey key, String fingerprint, String resultId, Instant createdAt) {
    /**
     * Checks the parts are present.
     *
     * @param key the key
     * @param fingerprint the fingerprint
     * @param resultId the result id
     * @param createdAt the time
     */
    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
