package org.medcoord.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Storage;

/**
 * The vendor storage kept frozen under {@code frozen-spi/}, compiled once per test run against the
 * SPI of the day and loaded in a class loader of its own, with its ServiceLoader registration.
 */
final class FrozenSpi {
    static final String STORAGE = "org.medcoord.frozen.SubsetStorage";
    private static ClassLoader loader;

    private FrozenSpi() {
    }

    /**
     * The class loader of the compiled storage.
     *
     * @return the loader
     * @throws AssertionError when the frozen source no longer compiles against the SPI
     */
    static synchronized ClassLoader loader() {
        if (loader == null) {
            try {
                loader = compile();
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("could not compile the frozen storage", e);
            }
        }
        return loader;
    }

    /**
     * A new instance of the frozen storage.
     *
     * @return the storage
     */
    static Storage newStorage() {
        try {
            return (Storage) loader().loadClass(STORAGE).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create the frozen storage", e);
        }
    }

    private static ClassLoader compile() throws IOException, URISyntaxException {
        Path source = Path.of(FrozenSpi.class.getResource("/frozen-spi/org/medcoord/frozen/SubsetStorage.java").toURI());
        Path out = Files.createTempDirectory("medcoord-frozen-spi");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(out)));
        String classpath = Stream.of(Storage.class, Appointment.class, MemoryStorage.class).map(FrozenSpi::location)
                .distinct().collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringBuilder errors = new StringBuilder();
        PrintStream sink = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                errors.append((char) b);
            }
        }, true, StandardCharsets.UTF_8);
        int rc = javac.run(null, sink, sink, "--release", "17", "-proc:none", "-cp", classpath, "-d", out.toString(),
                source.toString());
        if (rc != 0) {
            throw new AssertionError("the frozen storage no longer compiles against the SPI, so a storage written "
                    + "before this change breaks: " + errors);
        }
        Path services = out.resolve("META-INF/services/" + CoordinatorPlugin.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, STORAGE + "$Plugin\n");
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, FrozenSpi.class.getClassLoader());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
