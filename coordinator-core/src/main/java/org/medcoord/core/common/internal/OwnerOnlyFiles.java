package org.medcoord.core.common.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates files and directories that hold keys, audit evidence or patient data readable by their
 * owner only (0600 and 0700) where the file system has POSIX permissions; elsewhere they get the
 * platform's defaults, which the host must restrict.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the missing directories of a path, each owner-only; existing ones are left as they are.
     *
     * @param directory the directory
     * @throws IOException when one cannot be created
     */
    public static void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(absolute, attribute(DIRECTORY));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
    }

    /**
     * Creates an empty owner-only file unless it exists, with its missing directories.
     *
     * @param file the file
     * @return true when it was created, false when it existed
     * @throws IOException when it cannot be created
     */
    public static boolean createFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        try {
            if (posix(absolute.getParent())) {
                Files.createFile(absolute, attribute(FILE));
            } else {
                Files.createFile(absolute);
            }
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
    }

    /**
     * Writes a whole file, created owner-only when absent and made owner-only when present.
     *
     * @param file the file
     * @param bytes the contents
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        createFile(file);
        restrict(file);
        Files.write(file, bytes);
    }

    /**
     * Makes an existing file or directory owner-only, where permissions are POSIX.
     *
     * @param path the file or directory
     * @throws IOException when the permissions cannot be set
     */
    public static void restrict(Path path) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
        }
    }

    private static boolean posix(Path near) {
        Path probe = near == null ? Path.of("").toAbsolutePath() : near;
        return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
