/**
 * Thread-safe, transactional in-memory storage: {@link
 * org.medcoord.adapter.memory.MemoryStoragePlugin} contributes a {@link
 * org.medcoord.adapter.memory.MemoryStorage}. Data lives as long as the storage object. It is the
 * fake every MedCoord test uses and a real choice for demos and single-process hosts that need no
 * durability.
 *
 * <p>Only the two named types are public; everything else in this package is package-private.
 *
 * @since 0.1
 */
package org.medcoord.adapter.memory;
