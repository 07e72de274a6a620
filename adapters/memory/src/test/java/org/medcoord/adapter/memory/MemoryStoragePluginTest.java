package org.medcoord.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.SpiVersion;
import org.medcoord.spi.storage.Storage;

class MemoryStoragePluginTest {
    @Test
    void serviceLoaderFindsThePlugin() {
        List<Class<?>> found = ServiceLoader.load(CoordinatorPlugin.class).stream()
                .map(ServiceLoader.Provider::type).collect(Collectors.toList());

        assertTrue(found.contains(MemoryStoragePlugin.class), "discovered: " + found);
    }

    @Test
    void pluginContributesOneNewMemoryStoragePerCall() {
        MemoryStoragePlugin plugin = new MemoryStoragePlugin();

        assertEquals("medcoord-memory", plugin.id());
        assertEquals(SpiVersion.CURRENT, plugin.spiVersion());
        assertEquals(List.of(), plugin.bookingRules());
        List<Storage> first = plugin.storages();
        List<Storage> second = plugin.storages();
        assertEquals(1, first.size());
        Storage storage = assertInstanceOf(MemoryStorage.class, first.get(0));
        assertEquals("memory", storage.describe());
        assertNotSame(first.get(0), second.get(0));
    }

    @Test
    void constructorDoesNoWork() throws ReflectiveOperationException {
        List<Field> state = Arrays.stream(MemoryStoragePlugin.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).collect(Collectors.toList());
        assertEquals(List.of(), state, "a plugin without state cannot have opened anything in its constructor");
        assertTrue(Modifier.isPublic(MemoryStoragePlugin.class.getConstructor().getModifiers()));
        CoordinatorPlugin discovered = ServiceLoader.load(CoordinatorPlugin.class).stream()
                .filter(p -> p.type() == MemoryStoragePlugin.class).findFirst().orElseThrow().get();
        assertEquals("medcoord-memory", discovered.id());
    }
}
