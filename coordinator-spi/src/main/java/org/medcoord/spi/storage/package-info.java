/**
 * The storage port: one transactional {@link org.medcoord.spi.storage.Storage} with a store per
 * feature. The contract kit's {@code StorageContract} defines a correct implementation.
 *
 * @since 0.1
 */
package org.medcoord.spi.storage;
