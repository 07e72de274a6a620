package org.medcoord.core.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.core.common.internal.OwnerOnlyFiles;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider.KeyId;

/**
 * A checkpoint witness in an append-only text file, one checkpoint a line:
 * <pre>
 * MCW1 index sequence head-hex previous-hex epoch-second nano key-id signature-hex
 * </pre>
 * Each line is appended and forced to the device before {@link #witness} returns. Opening reads
 * the newest line back; a last line without its newline (a write cut short by a crash, which never
 * returned) is cut off. Thread safe within one process; one process writes one file.
 */
public final class FileWitness implements CheckpointWitness {
    private static final String TAG = "MCW1";
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final String id;
    private Checkpoint newest;

    private FileWitness(Path file, Checkpoint newest) {
        this.file = file;
        this.id = "file:" + file.getFileName();
        this.newest = newest;
    }

    /**
     * Opens a witness file, creating it owner-only when absent.
     *
     * @param file the file
     * @return the witness
     * @throws AdapterException when the file cannot be created or read, or a complete line of it
     *     does not parse
     */
    public static FileWitness open(Path file) {
        String id = "file:" + file.getFileName();
        try {
            OwnerOnlyFiles.createFile(file);
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(end);
                    channel.force(true);
                }
            }
            Checkpoint newest = null;
            String text = new String(bytes, 0, end, StandardCharsets.US_ASCII);
            int line = 0;
            for (String row : text.split("\n", -1)) {
                line++;
                if (row.isEmpty()) {
                    continue;
                }
                Checkpoint parsed = parse(row, id, line);
                if (newest != null && parsed.index() <= newest.index()) {
                    throw new AdapterException("checkpoint witness " + id + " is corrupt at line " + line
                            + ": its checkpoints do not ascend");
                }
                newest = parsed;
            }
            return new FileWitness(file, newest);
        } catch (IOException e) {
            throw new AdapterException("checkpoint witness " + id + " cannot be opened: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void witness(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (!WitnessRule.isNew(id, Optional.ofNullable(newest), checkpoint)) {
            return;
        }
        byte[] line = format(checkpoint).getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new AdapterException("checkpoint witness " + id + " could not record checkpoint "
                    + checkpoint.index() + ": " + e.getClass().getSimpleName(), e);
        }
        newest = checkpoint;
    }

    @Override
    public synchronized Optional<Checkpoint> newest() {
        return Optional.ofNullable(newest);
    }

    static String format(Checkpoint c) {
        return TAG + ' ' + c.index() + ' ' + c.sequence() + ' ' + c.head().toHex() + ' ' + c.previous().toHex() + ' '
                + c.at().getEpochSecond() + ' ' + c.at().getNano() + ' ' + c.keyId().value() + ' '
                + HEX.formatHex(c.signature()) + '\n';
    }

    private static Checkpoint parse(String row, String id, int line) {
        String[] parts = row.split(" ", -1);
        try {
            if (parts.length != 9 || !TAG.equals(parts[0])) {
                throw new IllegalArgumentException("shape");
            }
            return new Checkpoint(Long.parseLong(parts[1]), Long.parseLong(parts[2]), ChainHash.ofHex(parts[3]),
                    ChainHash.ofHex(parts[4]), Instant.ofEpochSecond(Long.parseLong(parts[5]), Long.parseLong(parts[6])),
                    KeyId.of(parts[7]), HEX.parseHex(parts[8]));
        } catch (IllegalArgumentException | java.time.DateTimeException | CoordinatorException unreadable) {
            throw new AdapterException("checkpoint witness " + id + " is corrupt at line " + line);
        }
    }
}
