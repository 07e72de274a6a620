/**
 * Audit ports: the keys that sign checkpoints of the tamper-evident audit chain.
 *
 * @since 0.1
 */
package org.medcoord.spi.audit;
