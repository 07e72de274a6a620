package org.medcoord.example.clinicdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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

    private Run run(String command, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = command;
        args[1] = "--db";
        args[2] = data.resolve("clinic").toString();
        System.arraycopy(more, 0, args, 3, more.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ClinicDesk.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void audit_verify_reports_an_intact_trail_and_then_the_event_changed_behind_its_back() throws Exception {
        assertThat(run("book", "--service", "mri", "--patient", "p-1", "--start", "2027-03-15T09:00").exitCode())
                .isZero();
        assertThat(run("book", "--service", "mri", "--patient", "p-2", "--start", "2027-03-15T11:00").exitCode())
                .isZero();

        Run intact = run("audit-verify");
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("Audit chain: 2 events checked, last sequence 2",
                "Checkpoint : signed at sequence 2, signature valid", "Result     : OK, the audit trail is intact");

        JdbcOptions options = JdbcOptions.embedded(data.resolve("clinic"));
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE \"medcoord\".audit_records SET patient_id = 'p-9' WHERE chain_seq = 2"))
                    .isEqualTo(1);
        }

        Run tampered = run("audit-verify");
        assertThat(tampered.exitCode()).isEqualTo(AuditVerifyCommand.TAMPERED);
        assertThat(tampered.out()).contains("Result     : NOT INTACT, 1 finding", "ALTERED", "event 2 was altered");
    }
}
