package org.medcoord.example.vendorstorage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Storage;

/**
 * Registers {@link VendorStorage} with a coordinator. A host that registers the plugin explicitly
 * says where the file lives:
 *
 * <pre>{@code
 * Coordinators.builder().plugin(new VendorStoragePlugin(Path.of("/var/lib/clinic/medcoord.db")))
 *         .features(Appointments.FEATURE)
 *         .build();
 * }</pre>
 *
 * <p>A host that discovers plugins ({@code discoverPlugins(classLoader)}) gets this plugin through
 * its no-argument constructor and names the file in the system property {@value #FILE_PROPERTY}.
 * The constructor does no work; the file is opened when the coordinator asks for the storage.
 *
 * @since 0.1
 */
public final class VendorStoragePlugin implements CoordinatorPlugin {
    /** The system property naming the database file, for a plugin made by discovery. */
    public static final String FILE_PROPERTY = "medcoord.vendorstorage.file";

    private final Optional<Path> file;

    /** For discovery: the file is named by the system property {@value #FILE_PROPERTY}. */
    public VendorStoragePlugin() {
        this.file = Optional.empty();
    }

    /**
     * For explicit registration.
     *
     * @param file the SQLite database file; created with its tables when it does not exist
     */
    public VendorStoragePlugin(Path file) {
        this.file = Optional.of(Objects.requireNonNull(file, "file"));
    }

    @Override
    public String id() {
        return "vendor-storage";
    }

    /**
     * Opens the storage on the file.
     *
     * @return the storage
     * @throws IllegalStateException when the plugin was made by discovery and the system property
     *     {@value #FILE_PROPERTY} is not set
     */
    @Override
    public List<Storage> storages() {
        Path path = file.orElseGet(() -> {
            String named = System.getProperty(FILE_PROPERTY);
            if (named == null || named.isBlank()) {
                throw new IllegalStateException("set the system property " + FILE_PROPERTY
                        + " to the SQLite file of the vendor storage, or register new VendorStoragePlugin(path)");
            }
            return Path.of(named);
        });
        return List.of(new VendorStorage(path));
    }
}
