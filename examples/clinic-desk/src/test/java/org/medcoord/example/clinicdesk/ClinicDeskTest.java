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

class ClinicDeskTest {

    /** What one run printed, and its exit code. */
    private record Run(int exitCode, String out, String err) {
    }

    @TempDir
    Path data;

    /** Runs a subcommand against a database file in a temporary folder. */
    private Run run(String... args) {
        String[] withDb = new String[args.length + 2];
        withDb[0] = args[0];
        withDb[1] = "--db";
        withDb[2] = data.resolve("clinic").toString();
        System.arraycopy(args, 1, withDb, 3, args.length - 1);
        return runExactly(withDb);
    }

    private static Run runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ClinicDesk.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demo_runs_the_scripted_day() {
        Run run = run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Booked apt-")
                .containsPattern("Booked apt-\\S+  p-1002  mri  Mon 2027-03-15 07:15-08:00 EDT  "
                        + "scanner=mri-scanner-1 technologist=tech-mri-1 suite=mri-suite  \\[booked\\]")
                .contains("Held hold-")
                .contains("Refused: SlotUnavailableException [slot-unavailable]")
                .contains("Alternatives, nearest first:")
                .contains("  1) Mon 2027-03-15 09:45-10:30 EDT")
                .containsPattern("Wait-list offer #1 to p-1006 \\(entry wl-\\S+\\): Mon 2027-03-15 08:30-09:15 EDT")
                .containsPattern("Booked apt-\\S+  p-1006  mri  Mon 2027-03-15 08:30-09:15 EDT")
                .contains("is now [BOOKED]")
                .contains("3 booked, 1 conflict")
                .contains("#1 booked    Fri 2027-03-12 14:00-14:30 EST (19:00Z)")
                .contains("#2 booked    Fri 2027-03-19 14:00-14:30 EDT (18:00Z)")
                .contains("#3 conflict  Fri 2027-03-26 14:00 EDT (18:00Z)  slot-unavailable (holiday good-friday)")
                .containsPattern("Refused: InvalidTransitionException \\[invalid-transition\\] appointment apt-\\S+ "
                        + "cannot move from cancelled to booked")
                .contains("Refused: AccessDeniedException")
                .contains("warning paperwork/paperwork-not-requested: service mri requires document type "
                        + "mri-safety-screening for patient p-1011")
                .contains("Worklist, next 7 days: 5 appointment(s) with paperwork outstanding")
                .contains("Blocked: PaperworkMissingException [paperwork-missing]")
                .containsPattern("Checked in: apt-\\S+  p-1011  mri  Mon 2027-03-15 13:15-14:00 EDT .*\\[checked-in\\]")
                .contains("reason left out (minimum necessary)")
                .contains("A study coordinator reads it for research: denied [access-denied]")
                .contains("reads it: denied [other-facility]")
                .contains("ed-doc-3 breaks the glass (reason unconscious-patient) until Fri 2027-03-12 09:30 EST")
                .contains("reason included: yes")
                .contains("Break-the-glass review: 2 audited event(s)")
                .containsPattern("ed-doc-3\\s+lakeside\\s+ETREAT\\s+appointment.list-patient\\s+SUCCESS\\s+p-1010")
                .containsPattern("study-07\\s+riverside\\s+HRESCH\\s+appointment.read\\s+DENIED\\s+p-1010")
                .contains("Audit      : OK, no tampering found")
                .containsPattern("\\d+ events checked \\(last sequence \\d+\\), 0 checkpoints checked")
                .containsPattern("signed a new checkpoint through event \\d+; later verifications check the chain")
                .containsPattern("RESOURCE\\s+TIME \\(EDT\\)\\s+PATIENT\\s+SERVICE\\s+STATUS")
                .containsPattern("mri-scanner-1\\s+08:30-09:15\\s+p-1003\\s+mri\\s+cancelled")
                .containsPattern("mri-scanner-1\\s+08:30-09:15\\s+p-1006\\s+mri\\s+booked")
                .doesNotContain("UNEXPECTED").doesNotContain("limitation:")
                .doesNotContain("INFO");
    }

    @Test
    void slots_lists_options_in_local_time() {
        Run run = run("slots", "--service", "cardiology-consult", "--from", "2027-03-15", "--days", "3",
                "--limit", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("cardiology-consult options")
                .contains("   1) Mon 2027-03-15 08:00-08:30 EDT  specialist=dr-card-1 room=exam-101")
                .contains("  10) ");
    }

    @Test
    void slots_for_one_practitioner_use_only_that_practitioner() {
        Run run = run("slots", "--service", "cardiology-consult", "--from", "2027-03-15", "--limit", "3",
                "--practitioner", "dr-card-2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("  1) Mon 2027-03-15 09:00-09:30 EDT  specialist=dr-card-2 room=exam-101")
                .doesNotContain("dr-card-1");
    }

    @Test
    void slots_at_a_site_without_the_service_list_none() {
        Run run = run("slots", "--service", "cardiology-consult", "--site", "east-clinic");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  none");
    }

    @Test
    void book_books_at_the_local_start() {
        Run run = run("book", "--service", "mri", "--patient", "p-1", "--start", "2027-03-15T09:00");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Booked apt-\\S+  p-1  mri  Mon 2027-03-15 09:00-09:45 EDT  "
                + "scanner=mri-scanner-1 technologist=tech-mri-1 suite=mri-suite  \\[booked\\]");
    }

    @Test
    void book_on_a_holiday_is_refused_with_alternatives() {
        Run run = run("book", "--service", "cardiology-consult", "--patient", "p-1", "--start", "2027-03-26T10:00");

        assertThat(run.exitCode()).isEqualTo(ClinicDesk.REFUSED);
        assertThat(run.out()).startsWith("Storage    : ").doesNotContain("Booked");
        assertThat(run.err())
                .startsWith("error: slot unavailable")
                .contains("(slot-unavailable)")
                .contains("alternative 1: Thu 2027-03-25 15:15-15:45 EDT")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void book_with_an_unknown_service_names_the_field() {
        Run run = run("book", "--service", "podiatry", "--patient", "p-1", "--start", "2027-03-15T09:00");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("Storage    : ").doesNotContain("Booked");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("error: invalid request: service: unknown service type podiatry")
                .contains("cardiology-consult")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void book_in_the_past_is_refused_by_the_notice_rule() {
        Run run = run("book", "--service", "cardiology-consult", "--patient", "p-1", "--start", "2027-03-11T09:00");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: booking refused: minimum-notice");
    }

    @Test
    void malformed_input_is_refused_without_a_stack_trace() {
        Run run = run("book", "--service", "mri", "--patient", "p-1", "--start", "next-monday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("--start").doesNotContain("\tat ");
    }

    @Test
    void resources_lists_the_clinic() {
        Run run = run("resources");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("mri-scanner-1")
                .contains("device")
                .contains("Mon-Fri 07:00-20:00; Sat 08:00-12:00")
                .contains("cardiology-consult");
    }

    @Test
    void running_the_demo_twice_starts_clean_and_says_so() {
        Run first = run("demo");
        Run second = run("demo");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("removed the clinic of an earlier run and set up a new one");
        assertThat(second.out()).contains("8 booked appointments on 2027-03-15.");
    }

    @Test
    void other_commands_continue_the_stored_clinic() {
        run("demo");
        Run slots = run("slots", "--service", "mri", "--from", "2027-03-15", "--limit", "3");

        assertThat(slots.exitCode()).as(slots.err()).isZero();
        assertThat(slots.out()).contains("continuing the stored clinic");
        assertThat(slots.out()).doesNotContain("07:15-08:00");
    }

    @Test
    void an_unreachable_database_is_one_clear_line_naming_the_setting() {
        Run run = runExactly("resources", "--db-url", "jdbc:postgresql://127.0.0.1:1/clinic", "--db-user", "desk",
                "--db-password", "not-shown");

        assertThat(run.exitCode()).isEqualTo(ClinicDesk.REFUSED);
        assertThat(run.err()).contains("jdbc:postgresql://127.0.0.1:1/clinic").doesNotContain("not-shown")
                .doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_malformed_database_url_names_the_setting() {
        Run run = runExactly("resources", "--db-url", "jdbc:mysql://localhost/clinic");

        assertThat(run.exitCode()).isEqualTo(ClinicDesk.REFUSED);
        assertThat(run.err()).contains("jdbcUrl");
    }

    @Test
    void a_database_file_from_a_newer_medcoord_is_one_clear_line() throws Exception {
        run("demo");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("clinic"), "medcoord", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"medcoord\".\"medcoord_schema_history\" (\"installed_rank\", \"version\", "
                    + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                    + "\"success\") SELECT max(\"installed_rank\") + 1, '999', 'future', 'SQL', 'V999__future.sql', 0, "
                    + "'test', 0, TRUE FROM \"medcoord\".\"medcoord_schema_history\"");
        }

        Run run = run("resources");

        assertThat(run.exitCode()).isEqualTo(ClinicDesk.REFUSED);
        assertThat(run.err()).startsWith("error: ").contains("database schema version 999 is newer than this MedCoord")
                .contains("jdbcUrl=jdbc:h2:file:").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
