package org.medcoord.core;

import com.google.inject.PrivateModule;
import com.google.inject.Singleton;
import org.medcoord.api.Coordinator;
import org.medcoord.core.feature.internal.EnabledFeatures;
import org.medcoord.core.internal.CoordinatorSettings;
import org.medcoord.core.internal.DefaultCoordinator;
import org.medcoord.core.internal.ResolvedPlugins;

/**
 * Guice module for hosts that run their own injector. It exposes one binding,
 * {@link Coordinator}; everything else stays private. Get one from
 * {@link CoordinatorBuilder#module()}, which checks the configuration first:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *         new HostModule(),
 *         Coordinators.builder().plugin(new MemoryStoragePlugin()).module());
 * Coordinator coordinator = injector.getInstance(Coordinator.class);
 * }</pre>
 *
 * <p>The module is fast and has no side effects: plugins were resolved before it was made.
 *
 * @since 0.1
 */
public final class CoordinatorModule extends PrivateModule {
    private final ResolvedPlugins plugins;
    private final EnabledFeatures features;
    private final CoordinatorSettings settings;

    CoordinatorModule(ResolvedPlugins plugins, EnabledFeatures features, CoordinatorSettings settings) {
        this.plugins = plugins;
        this.features = features;
        this.settings = settings;
    }

    @Override
    protected void configure() {
        install(DefaultCoordinator.modules(plugins, features, settings));
        bind(Coordinator.class).to(DefaultCoordinator.class).in(Singleton.class);
        expose(Coordinator.class);
    }
}
