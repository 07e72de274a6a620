package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import org.medcoord.api.audit.ChainFinding.Kind;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.KeyProvider;

/**
 * The audit chain in an H2 file, changed behind MedCoord's back with plain SQL between two runs of
 * the coordinator, the way someone with access to the file could: the verifier names exactly what
 * was done.
 */
class AuditChainTamperIT {
    private static final int BOOKINGS = 6;
    private static final String RECORD_COLUMNS = "at_ns, user_id, on_behalf_of, facility_id, node_id, purpose, action, "
            + "entities, patient_id, outcome, detail_code";

    @TempDir
    Path dir;

    private final KeyProvider keys = new GeneratedKeyProvider("h2-audit");
    private final Clock clock = Clock.fixed(ItClinic.NOW, ZoneOffset.UTC);

    /**
     * Books six visits, verifies (sealing events 1 to 6 and signing a checkpoint at 6), and closes,
     * which seals the verification's own record as event 7.
     */
    private JdbcOptions bookedAndSealed() {
        JdbcOptions options = JdbcOptions.embedded(dir.resolve("clinic"));
        try (Coordinator coordinator = coordinator(options)) {
            ItClinic.define(coordinator, 2);
            for (int i = 0; i < BOOKINGS; i++) {
                ItClinic.desk(coordinator, "u-desk").appointments().book(
                        ItClinic.visit("p-" + i, ItClinic.clinician(i % 2), ItClinic.at(0, 6 * i)));
            }
            AuditVerification first = verify(coordinator);
            assertThat(first.ok()).isTrue();
            assertThat(first.eventsChecked()).isEqualTo(BOOKINGS);
            assertThat(first.checkpointSequence()).hasValue(BOOKINGS);
        }
        return options;
    }

    @Test
    void an_untouched_chain_verifies_after_a_restart() {
        JdbcOptions options = bookedAndSealed();
        try (Coordinator coordinator = coordinator(options)) {
            AuditVerification report = verify(coordinator);
            assertThat(report.ok()).isTrue();
            assertThat(report.eventsChecked()).as("the six bookings and the first verification").isEqualTo(7);
            assertThat(report.checkpointSequence()).hasValue(7);
        }
    }

    @Test
    void a_changed_field_is_reported_as_that_event_altered() throws SQLException {
        JdbcOptions options = bookedAndSealed();
        sql(options, "UPDATE \"medcoord\".audit_records SET user_id = 'u-mallory' WHERE chain_seq = 3");

        assertThat(findings(options)).containsExactly(new Finding(Kind.ALTERED, 3, 3));
    }

    @Test
    void a_deleted_row_is_reported_as_removed() throws SQLException {
        JdbcOptions options = bookedAndSealed();
        sql(options, "DELETE FROM \"medcoord\".audit_records WHERE chain_seq = 4");

        assertThat(findings(options)).containsExactly(new Finding(Kind.REMOVED, 4, 4));
    }

    @Test
    void two_records_exchanged_between_rows_are_reported_as_swapped() throws SQLException {
        JdbcOptions options = bookedAndSealed();
        swapRecords(options, 2, 5);

        assertThat(findings(options)).containsExactly(new Finding(Kind.SWAPPED, 2, 5));
    }

    @Test
    void a_cut_off_tail_is_reported_as_truncated_against_the_checkpoint_and_is_not_signed_over() throws SQLException {
        JdbcOptions options = bookedAndSealed();
        sql(options, "DELETE FROM \"medcoord\".audit_records WHERE chain_seq >= 5");
        sql(options, "UPDATE \"medcoord\".audit_chain_head SET seq = 4, hash = (SELECT hash FROM "
                + "\"medcoord\".audit_records WHERE chain_seq = 4) WHERE id = 1");

        assertThat(findings(options)).containsExactly(new Finding(Kind.TRUNCATED, 5, BOOKINGS));
    }

    private List<Finding> findings(JdbcOptions options) {
        try (Coordinator coordinator = coordinator(options)) {
            AuditVerification report = verify(coordinator);
            assertThat(report.ok()).isFalse();
            return report.findings().stream().map(Finding::of).toList();
        }
    }

    private record Finding(Kind kind, long first, long last) {
        static Finding of(ChainFinding finding) {
            return new Finding(finding.kind(), finding.firstSequence(), finding.lastSequence());
        }
    }

    private static AuditVerification verify(Coordinator coordinator) {
        return coordinator.session(Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER), Purpose.OPERATIONS)
                .audit().verify();
    }

    private Coordinator coordinator(JdbcOptions options) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(options)).plugin(new CoordinatorPlugin() {
            @Override
            public String id() {
                return "test-keys";
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return List.of(keys);
            }
        }).clock(clock).sealAuditEvery(Duration.ofHours(1)).build();
    }

    private static void sql(JdbcOptions options, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(statement)).as(statement).isPositive();
        }
    }

    /** Exchanges every record column between the rows sealed as {@code a} and {@code b}. */
    private static void swapRecords(JdbcOptions options, long a, long b) throws SQLException {
        String[] columns = RECORD_COLUMNS.split(", ");
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password())) {
            Object[] first = row(c, columns, a);
            Object[] second = row(c, columns, b);
            write(c, columns, a, second);
            write(c, columns, b, first);
        }
    }

    private static Object[] row(Connection c, String[] columns, long chainSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + RECORD_COLUMNS
                + " FROM \"medcoord\".audit_records WHERE chain_seq = ?")) {
            s.setLong(1, chainSeq);
            try (ResultSet rows = s.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Object[] values = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    values[i] = rows.getObject(i + 1);
                }
                return values;
            }
        }
    }

    private static void write(Connection c, String[] columns, long chainSeq, Object[] values) throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String column : columns) {
            set.append(set.length() == 0 ? "" : ", ").append(column).append(" = ?");
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE \"medcoord\".audit_records SET " + set
                + " WHERE chain_seq = ?")) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.setLong(values.length + 1, chainSeq);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
