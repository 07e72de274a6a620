package org.medcoord.core;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.medcoord.api.Coordinator;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.core.internal.ResolvedPlugins;
import org.medcoord.spi.CoordinatorPlugin;

/**
 * Configures a {@link Coordinator}. Register plugins explicitly (the primary path); opt in to
 * {@link java.util.ServiceLoader} discovery if wanted; set the clock. {@link #build()} checks the
 * whole configuration and reports every problem in one {@link PluginConfigurationException}.
 *
 * <p>Not thread safe; use from one thread, then share the coordinator it builds.
 *
 * @since 0.1
 */
public final class CoordinatorBuilder {
    private final List<CoordinatorPlugin> plugins = new ArrayList<>();
    private ClassLoader discoverFrom;
    private Clock clock = Clock.systemUTC();

    CoordinatorBuilder() {
    }

    /**
     * Registers a plugin. Plugins contribute in registration order.
     *
     * @param plugin the plugin
     * @return this builder
     */
    public CoordinatorBuilder plugin(CoordinatorPlugin plugin) {
        plugins.add(plugin);
        return this;
    }

    /**
     * Also discovers plugins with {@link java.util.ServiceLoader} from a class loader. Plugins of a
     * class already registered explicitly are skipped.
     *
     * @param classLoader where to look
     * @return this builder
     */
    public CoordinatorBuilder discoverPlugins(ClassLoader classLoader) {
        this.discoverFrom = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /**
     * Sets the clock every time-dependent decision reads. Defaults to {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public CoordinatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Builds the coordinator.
     *
     * @return the coordinator; close it when the host stops
     * @throws PluginConfigurationException listing every configuration problem
     */
    public Coordinator build() {
        CoordinatorModule module = module();
        try {
            return Guice.createInjector(module).getInstance(Coordinator.class);
        } catch (CreationException | ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CoordinatorException known) {
                throw known;
            }
            throw new PluginConfigurationException(List.of("the coordinator could not be wired: "
                    + e.getClass().getSimpleName()), e);
        }
    }

    /**
     * Checks the configuration and returns a Guice module exposing {@link Coordinator}, for hosts
     * with their own injector.
     *
     * @return the module
     * @throws PluginConfigurationException listing every configuration problem
     */
    public CoordinatorModule module() {
        return new CoordinatorModule(ResolvedPlugins.resolve(plugins, discoverFrom), clock);
    }
}
