package org.medcoord.spi.audit;

import java.util.Objects;

/**
 * An appended record and its place in the chain, as the sealer asks the store to keep it.
 *
 * @param key the key the store gave the record, from {@link UnsealedRecord#key()}
 * @param event the record chained: sequence number, previous hash and hash
 * @since 0.1
 */
public record SealedRecord(long key, ChainedEvent event) {
    /**
     * Checks the event is present.
     *
     * @param key the key
     * @param event the event
     */
    public SealedRecord {
        Objects.requireNonNull(event, "event");
    }
}
