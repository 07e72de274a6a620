package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.SpiVersion;
import org.medcoord.spi.storage.Storage;

/** Explicit registration, discovery, and configuration of a discovered plugin by system properties. */
class JdbcStoragePluginTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(JdbcOptions.URL_PROPERTY);
        System.clearProperty(JdbcOptions.POOL_SIZE_PROPERTY);
    }

    @Test
    void serviceLoaderFindsThePluginAndCreatingItDoesNoWork() {
        List<String> found = ServiceLoader.load(CoordinatorPlugin.class).stream()
                .map(p -> p.type().getName()).toList();
        assertThat(found).contains(JdbcStoragePlugin.class.getName());

        CoordinatorPlugin discovered = ServiceLoader.load(CoordinatorPlugin.class).stream()
                .filter(p -> p.type() == JdbcStoragePlugin.class).findFirst().orElseThrow().get();
        assertThat(discovered.id()).isEqualTo("medcoord-jdbc");
        assertThat(discovered.spiVersion()).isEqualTo(SpiVersion.CURRENT);
    }

    @Test
    void discoveredPluginReadsItsOptionsOnlyWhenAskedForStorage() {
        JdbcStoragePlugin plugin = new JdbcStoragePlugin();

        assertThatThrownBy(plugin::storages).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("medcoord.jdbc.url: must be set");

        System.setProperty(JdbcOptions.URL_PROPERTY, "jdbc:h2:file:" + dir.resolve("from-properties"));
        System.setProperty(JdbcOptions.POOL_SIZE_PROPERTY, "2");
        List<Storage> storages = plugin.storages();
        try {
            assertThat(storages).singleElement().isInstanceOf(JdbcStorage.class);
            assertThat(storages.get(0).describe()).isEqualTo("jdbc:h2 file " + dir.resolve("from-properties")
                    + " (schema medcoord)");
        } finally {
            storages.forEach(Storage::close);
        }
    }

    @Test
    void explicitPluginOpensOneNewStoragePerCall() {
        JdbcStoragePlugin plugin = new JdbcStoragePlugin(JdbcOptions.embedded(dir.resolve("explicit")));
        List<Storage> first = plugin.storages();
        first.get(0).close();
        List<Storage> second = plugin.storages();
        try {
            assertThat(second.get(0)).isNotSameAs(first.get(0));
            assertThat(plugin.bookingRules()).isEmpty();
            assertThat(plugin.toString()).contains("jdbc:h2:file:").doesNotContain("password=***");
        } finally {
            second.get(0).close();
        }
    }
}
