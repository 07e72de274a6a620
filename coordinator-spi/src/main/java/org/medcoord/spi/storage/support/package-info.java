/**
 * Building blocks for storage adapters: the unit of work that hands out stores by port, the
 * registry of a storage's stores, and the binding of units to threads. The in-memory and JDBC
 * adapters are built on them; a vendor's adapter may be too, or may implement
 * {@link org.medcoord.spi.storage.StorageTransaction} directly.
 *
 * @since 0.1
 */
package org.medcoord.spi.storage.support;
