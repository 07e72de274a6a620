package org.medcoord.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.adapter.memory.MemoryStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.SpiVersion;
import org.medcoord.spi.storage.Storage;

class CoordinatorBuilderTest {

    private static CoordinatorPlugin plugin(String id, int version, List<Storage> storages) {
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int spiVersion() {
                return version;
            }

            @Override
            public List<Storage> storages() {
                return storages;
            }
        };
    }

    private static CoordinatorPlugin throwing(String id) {
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Storage> storages() {
                throw new IllegalStateException("cannot open pool");
            }
        };
    }

    @Test
    void builds_with_one_explicit_storage_plugin() {
        try (Coordinator c = Coordinators.builder().plugin(new MemoryStoragePlugin()).clock(Clock.systemUTC()).build()) {
            assertThat(c.session(Actor.of("u-1", "fac-1", Role.SCHEDULER), Purpose.TREATMENT).schedule().resources())
                    .isEmpty();
        }
    }

    @Test
    void no_storage_is_a_configuration_problem() {
        assertThatThrownBy(() -> Coordinators.builder().build())
                .isInstanceOf(PluginConfigurationException.class)
                .satisfies(e -> assertThat(((PluginConfigurationException) e).problems())
                        .singleElement().asString().startsWith("no storage"));
    }

    @Test
    void every_problem_is_reported_at_once() {
        PluginConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(PluginConfigurationException.class,
                () -> Coordinators.builder()
                        .plugin(plugin("store-a", SpiVersion.CURRENT, List.of(new MemoryStorage())))
                        .plugin(plugin("store-b", SpiVersion.CURRENT, List.of(new MemoryStorage())))
                        .plugin(plugin("store-a", SpiVersion.CURRENT, List.of()))
                        .plugin(plugin("old", SpiVersion.CURRENT + 1, List.of()))
                        .plugin(throwing("broken"))
                        .build());

        assertThat(e.problems()).hasSize(4);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'store-a' is registered more than once"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'old' was built for SPI version 2"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'broken' failed while loading")
                .contains("IllegalStateException"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("2 storages provided (by store-a, store-b)"));
        assertThat(e.getMessage()).contains("4 problems");
    }

    @Test
    void discovery_is_opt_in_and_skips_plugins_registered_explicitly() {
        try (Coordinator c = Coordinators.builder().discoverPlugins(getClass().getClassLoader()).build()) {
            assertThat(c).isNotNull();
        }
        try (Coordinator c = Coordinators.builder().plugin(new MemoryStoragePlugin())
                .discoverPlugins(getClass().getClassLoader()).build()) {
            assertThat(c).isNotNull();
        }
    }

    @Test
    void hosts_with_their_own_injector_install_the_module_and_see_only_the_coordinator() {
        var injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(String.class).toInstance("host binding");
            }
        }, Coordinators.builder().plugin(new MemoryStoragePlugin()).module());

        Coordinator coordinator = injector.getInstance(Coordinator.class);
        assertThat(coordinator).isSameAs(injector.getInstance(Coordinator.class));
        assertThat(injector.getExistingBinding(com.google.inject.Key.get(Clock.class))).isNull();
        coordinator.close();
    }
}
