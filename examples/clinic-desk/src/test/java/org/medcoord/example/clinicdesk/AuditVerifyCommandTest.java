package org.medcoord.example.clinicdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.adapter.jdbc.JdbcOptions;

class AuditVerifyCommandTest {
    @TempDir
    Path data;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = data.resolve("clinic").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ClinicDesk.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    private void book(String patient, String start) {
        Run booked = run("book", "--service", "mri", "--patient", patient, "--start", start);
        assertThat(booked.exitCode()).as(booked.err()).isZero();
    }

    @Test
    void audit_verify_reports_an_intact_trail_and_then_the_event_changed_behind_its_back() throws Exception {
        book("p-1", "2027-03-15T09:00");
        book("p-2", "2027-03-15T11:00");

        Run first = run("audit", "verify");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Audit      : OK, no tampering found",
                "2 events checked (last sequence 2), 0 checkpoints checked",
                "signed a new checkpoint through event 2",
                "Witness    : " + data.resolve("witness").resolve("clinic.witness"))
                .doesNotContain("limitation:");
        Run second = run("audit", "verify");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("3 events checked (last sequence 3), 1 checkpoint checked",
                "vouched for by signed checkpoints through event 2; events 3 to 3 are checked for links only");

        JdbcOptions options = JdbcOptions.embedded(data.resolve("clinic"));
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE \"medcoord\".audit_records SET patient_id = 'p-9' WHERE chain_seq = 2"))
                    .isEqualTo(1);
        }

        Run tampered = run("audit", "verify");
        assertThat(tampered.exitCode()).isEqualTo(AuditVerifyCommand.TAMPERED);
        assertThat(tampered.out()).contains("Audit      : TAMPERED: ", "finding: event 2 was altered")
                .doesNotContain("p-9", "p-1", "signed a new checkpoint");
    }

    @Test
    void a_database_file_restored_from_an_older_copy_is_caught_by_the_witness_file() throws Exception {
        book("p-1", "2027-03-15T09:00");
        assertThat(run("audit", "verify").exitCode()).isZero();
        Path file = data.resolve("clinic.mv.db");
        Path copy = data.resolve("backup.mv.db");
        Files.copy(file, copy);

        book("p-2", "2027-03-15T11:00");
        Run later = run("audit", "verify");
        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(later.out()).contains("1 checkpoint checked", "signed a new checkpoint through event 3");

        Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);
        Run restored = run("audit", "verify");

        assertThat(restored.exitCode()).isEqualTo(AuditVerifyCommand.TAMPERED);
        assertThat(restored.out()).contains("Audit      : TAMPERED: ", "rolled back", "file:clinic.witness")
                .doesNotContain("signed a new checkpoint");
        Run still = run("audit", "verify");
        assertThat(still.exitCode()).as("nothing is signed over a rolled-back store").isEqualTo(AuditVerifyCommand.TAMPERED);
    }
}
