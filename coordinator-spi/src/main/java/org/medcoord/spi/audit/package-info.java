/**
 * Audit ports and the values of the tamper-evident audit chain: the keys that sign checkpoints
 * ({@link org.medcoord.spi.audit.KeyProvider}), the sinks that export sealed events
 * ({@link org.medcoord.spi.audit.AuditSink}), and the chained events, heads and checkpoints a
 * storage adapter keeps through {@link org.medcoord.spi.storage.AuditStore}.
 *
 * @since 0.1
 */
package org.medcoord.spi.audit;
