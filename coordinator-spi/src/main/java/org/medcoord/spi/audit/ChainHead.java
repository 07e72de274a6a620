package org.medcoord.spi.audit;

import java.util.Objects;

/**
 * The newest sealed event of the audit chain, as the store records it: the next event sealed
 * gets {@code sequence + 1} and links to {@code hash}.
 *
 * @param sequence the head's sequence number, {@code 0} for an empty chain
 * @param hash the head's hash, {@link ChainHash#GENESIS} for an empty chain
 * @since 0.1
 */
public record ChainHead(long sequence, ChainHash hash) {
    /** The head of an empty chain. */
    public static final ChainHead EMPTY = new ChainHead(ChainedEvent.FIRST_SEQUENCE - 1, ChainHash.GENESIS);

    /**
     * Checks the parts.
     *
     * @param sequence the sequence
     * @param hash the hash
     */
    public ChainHead {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        Objects.requireNonNull(hash, "hash");
    }
}
