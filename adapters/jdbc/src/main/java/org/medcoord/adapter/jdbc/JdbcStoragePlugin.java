package org.medcoord.adapter.jdbc;

import java.util.List;
import java.util.Objects;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Storage;

/**
 * Contributes a {@link JdbcStorage}. Register it explicitly, which is the primary path:
 *
 * <pre>{@code
 * Coordinators.builder().plugin(new JdbcStoragePlugin(JdbcOptions.embedded(Path.of("clinic"))))
 * }</pre>
 *
 * <p>or let discovery find it through {@code META-INF/services}; a discovered plugin is configured
 * by the system properties listed at {@link JdbcOptions#fromSystemProperties()}, read only when
 * {@link #storages()} is called.
 *
 * @since 0.1
 */
public final class JdbcStoragePlugin implements CoordinatorPlugin {
    /** The plugin id. */
    public static final String ID = "medcoord-jdbc";

    private final JdbcOptions options;

    /** For {@link java.util.ServiceLoader}: does no work; options come from system properties later. */
    public JdbcStoragePlugin() {
        this.options = null;
    }

    /**
     * A plugin with explicit options.
     *
     * @param options where the data lives
     */
    public JdbcStoragePlugin(JdbcOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens one new storage per call.
     *
     * @return a list holding the opened {@link JdbcStorage}
     * @throws org.medcoord.api.common.InvalidRequestException when discovered and the system
     *     properties are missing or bad
     * @throws org.medcoord.api.common.AdapterException when the database cannot be opened
     */
    @Override
    public List<Storage> storages() {
        JdbcOptions chosen = options != null ? options : JdbcOptions.fromSystemProperties();
        return List.of(JdbcStorage.open(chosen));
    }

    @Override
    public String toString() {
        return "JdbcStoragePlugin[" + (options != null ? options : "from system properties") + "]";
    }
}
