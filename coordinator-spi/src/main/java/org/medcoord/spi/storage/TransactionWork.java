package org.medcoord.spi.storage;

/**
 * A unit of work run inside a storage transaction.
 *
 * @param <T> the result type
 * @since 0.1
 */
@FunctionalInterface
public interface TransactionWork<T> {
    /**
     * Does the work.
     *
     * @param tx the transaction's stores
     * @return the result
     */
    T run(StorageTransaction tx);
}
