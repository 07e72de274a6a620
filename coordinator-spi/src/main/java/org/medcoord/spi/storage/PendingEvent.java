package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbox record with its delivery state.
 *
 * @param record the record
 * @param attempts failed deliveries so far
 * @param nextAttemptAt when it is due next
 * @param lastError the code of the last failure, if any
 * @since 0.1
 */
public record PendingEvent(OutboxRecord record, int attempts, Instant nextAttemptAt, Optional<String> lastError) {
    /**
     * Checks the parts are present.
     *
     * @param record the record
     * @param attempts the attempts
     * @param nextAttemptAt the next attempt
     * @param lastError the last error
     */
    public PendingEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
