package org.medcoord.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.api.common.AdapterException;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.testkit.CheckpointWitnessContract;

class FileCheckpointWitnessTest extends CheckpointWitnessContract {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("witness").resolve("clinic.witness");
    }

    @Override
    protected CheckpointWitness newWitness() {
        return CheckpointWitnesses.file(file());
    }

    @Override
    protected CheckpointWitness reopen(CheckpointWitness witness) {
        return CheckpointWitnesses.file(file());
    }

    @Test
    void the_file_and_the_directory_it_made_are_readable_by_their_owner_only() throws IOException {
        CheckpointWitnesses.file(file()).witness(checkpoint(1, 10, 0));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void a_last_line_cut_short_by_a_crash_is_dropped_when_opened() throws IOException {
        CheckpointWitness witness = CheckpointWitnesses.file(file());
        witness.witness(checkpoint(1, 10, 0));
        witness.witness(checkpoint(2, 20, 0));
        String whole = Files.readString(file());
        Files.writeString(file(), whole.substring(0, whole.length() - 9), StandardCharsets.US_ASCII);

        CheckpointWitness reopened = CheckpointWitnesses.file(file());

        assertThat(reopened.newest()).contains(checkpoint(1, 10, 0));
        reopened.witness(checkpoint(2, 20, 0));
        assertThat(CheckpointWitnesses.file(file()).newest()).contains(checkpoint(2, 20, 0));
    }

    @Test
    void a_complete_line_that_does_not_parse_fails_the_open_naming_the_line() throws IOException {
        CheckpointWitnesses.file(file()).witness(checkpoint(1, 10, 0));
        Files.writeString(file(), "MCW1 2 garbage\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> CheckpointWitnesses.file(file())).isInstanceOf(AdapterException.class)
                .hasMessageContaining("line 2").hasMessageContaining("file:clinic.witness");
    }

    @Test
    void lines_that_do_not_ascend_fail_the_open() throws IOException {
        CheckpointWitness witness = CheckpointWitnesses.file(file());
        witness.witness(checkpoint(2, 20, 0));
        String line = Files.readString(file());
        Files.writeString(file(), line + line);

        assertThatThrownBy(() -> CheckpointWitnesses.file(file())).isInstanceOf(AdapterException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void a_witness_whose_file_cannot_be_written_fails_typed() throws IOException {
        CheckpointWitness witness = CheckpointWitnesses.file(file());
        Files.delete(file());
        Files.createDirectory(file());

        assertThatThrownBy(() -> witness.witness(checkpoint(1, 10, 0))).isInstanceOf(AdapterException.class)
                .hasMessageContaining("checkpoint 1");
        assertThat(witness.newest()).isEmpty();
    }

}
