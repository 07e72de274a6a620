package org.medcoord.adapter.memory;

import java.util.List;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Storage;

/**
 * Contributes a {@link MemoryStorage}. Register it explicitly with
 * {@code Coordinators.builder().plugin(new MemoryStoragePlugin())}, or let discovery find it
 * through {@code META-INF/services}.
 *
 * @since 0.1
 */
public final class MemoryStoragePlugin implements CoordinatorPlugin {
    /** The plugin id. */
    public static final String ID = "medcoord-memory";

    /** Creates the plugin; does no work. */
    public MemoryStoragePlugin() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * One new, empty storage per call.
     *
     * @return a list holding one new {@link MemoryStorage}
     */
    @Override
    public List<Storage> storages() {
        return List.of(new MemoryStorage());
    }
}
