package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.appointment;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.claim;
import static org.medcoord.spi.testkit.Fixtures.holdClaim;
import static org.medcoord.spi.testkit.Fixtures.resource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;

/**
 * What PostgreSQL itself guarantees beneath the adapter: the exclusion constraint is there and
 * refuses an overlapping claim written straight through JDBC, with the application's check
 * bypassed; and a refused write comes back without the SQL or the values PostgreSQL's DETAIL line
 * repeats.
 */
class PostgresConstraintTest {
    private JdbcOptions options;
    private JdbcStorage storage;
    private Connection direct;

    @BeforeEach
    void open() throws SQLException {
        options = TestPostgres.freshDatabase();
        storage = JdbcStorage.open(options);
        direct = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
        storage.inTransaction(tx -> {
            tx.schedule().putResource(resource("dr-a"));
            tx.schedule().putResource(resource("group", 2));
            return null;
        });
    }

    @AfterEach
    void close() throws SQLException {
        direct.close();
        storage.close();
    }

    @Test
    void claimsTableHasTheExclusionConstraint() throws SQLException {
        try (Statement s = direct.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT contype, pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conname = 'claims_no_overlap' AND conrelid = '\"medcoord\".claims'::regclass")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("x");
            assertThat(rows.getString(2)).isEqualTo("EXCLUDE USING gist (resource_id WITH =, "
                    + "int8range(start_ns, end_ns) WITH &&) WHERE (exclusive)");
        }
        try (Statement s = direct.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT 1 FROM pg_extension WHERE extname = 'btree_gist'")) {
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void overlappingInsertStraightThroughJdbcIsRefusedByTheDatabase() throws SQLException {
        storage.inTransaction(tx -> tx.claims().claimAll(List.of(claim("dr-a", at("09:00"), at("09:30"),
                "appointment:a-1")), NOW));

        SQLException refused = insertDirectly("dr-a", at("09:15"), at("09:45"), "appointment:intruder");
        SQLException touching = insertDirectly("dr-a", at("09:30"), at("10:00"), "appointment:touching");

        SQLException byOneNano = insertDirectly("dr-a", at("08:00"), at("09:00").plusNanos(1), "appointment:by-one-nano");

        assertThat(refused == null ? null : refused.getSQLState()).isEqualTo("23P01");
        assertThat(touching == null).as("touching claims do not overlap").isTrue();
        assertThat(byOneNano == null ? null : byOneNano.getSQLState()).as("compared to the nanosecond").isEqualTo("23P01");
        List<Claim> stored = storage.read(tx -> tx.claims().active(List.of(resource("dr-a").id()), at("00:00"),
                at("23:00"), NOW));
        assertThat(stored).extracting(Claim::owner).containsExactly("appointment:a-1", "appointment:touching");
    }

    @Test
    void claimsOnLargerResourcesAndOverrideClaimsAreLeftToTheAdapter() throws SQLException {
        storage.inTransaction(tx -> tx.claims().claimAll(List.of(claim("group", at("09:00"), at("09:30"), "appointment:a-1"),
                claim("group", at("09:00"), at("09:30"), "appointment:a-2"),
                new Claim(resource("dr-a").id(), at("09:00"), at("09:30"), "appointment:a-3", Optional.empty(), false),
                new Claim(resource("dr-a").id(), at("09:00"), at("09:30"), "appointment:a-4", Optional.empty(), true)),
                NOW));

        try (Statement s = direct.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT owner, exclusive FROM \"medcoord\".claims ORDER BY owner")) {
            StringBuilder seen = new StringBuilder();
            while (rows.next()) {
                seen.append(rows.getString(1)).append('=').append(rows.getBoolean(2)).append(' ');
            }
            assertThat(seen.toString().trim()).isEqualTo(
                    "appointment:a-1=false appointment:a-2=false appointment:a-3=true appointment:a-4=false");
        }
    }

    @Test
    void expiredHoldClaimStopsBlockingButIsKept() {
        Instant expiry = at("08:00");
        storage.inTransaction(tx -> tx.claims().claimAll(List.of(holdClaim("dr-a", at("09:00"), at("09:30"), "hold:h-1",
                expiry)), NOW));

        Optional<ClaimConflict> booked = storage.inTransaction(tx -> tx.claims().claimAll(List.of(claim("dr-a",
                at("09:00"), at("09:30"), "appointment:a-1")), expiry));

        List<Claim> hold = storage.read(tx -> tx.claims().owned("hold:h-1"));
        assertThat(booked).isEmpty();
        assertThat(hold).hasSize(1);
    }

    @Test
    void refusedWriteCarriesNeitherTheSqlNorTheValues() throws SQLException {
        try (Statement s = direct.createStatement()) {
            // A rule the host's DBA might add; PostgreSQL's DETAIL for it repeats the whole failing row.
            s.execute("ALTER TABLE \"medcoord\".audit_journal ADD CONSTRAINT no_test_detail "
                    + "CHECK (detail_code <> 'Jane-Doe-1970-02-03')");
        }
        AuditRecord record = new AuditRecord(NOW, UserId.of("u-desk"), Optional.empty(), FacilityId.of("f-1"), NodeId.of("node-a"),
                Purpose.TREATMENT, "appointment.book", List.of("a-1"), Optional.of(PatientId.of("p-MRN-4471")),
                AuditOutcome.SUCCESS, "Jane-Doe-1970-02-03");

        AdapterException e = catchAdapterException(() -> storage.inTransaction(tx -> {
            tx.audit().append(record);
            return null;
        }));

        assertThat(e.getMessage()).isEqualTo("storage could not append an audit record: the database refused the change "
                + "(integrity constraint violation) (SQLState 23514, constraint no_test_detail)");
        assertLeaksNothing(e, "Jane-Doe", "p-MRN-4471", "INSERT", "audit_journal (", "Failing row", "Detail");
    }

    @Test
    void duplicateOnAnotherUniqueKeyCarriesNeitherTheSqlNorTheValues() throws SQLException {
        try (Statement s = direct.createStatement()) {
            s.execute("CREATE UNIQUE INDEX one_per_patient ON \"medcoord\".appointments (patient_id)");
        }
        storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-MRN-4471", at("09:00"), at("09:30"), "dr-a"));
            return null;
        });

        AdapterException e = catchAdapterException(() -> storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-2", "p-MRN-4471", at("10:00"), at("10:30"), "dr-a"));
            return null;
        }));

        assertThat(e.getMessage()).isEqualTo("storage could not insert appointment a-2: the database refused the change "
                + "(integrity constraint violation) (SQLState 23505, constraint one_per_patient)");
        assertLeaksNothing(e, "p-MRN-4471", "INSERT", "appointments (", "Key (", "Detail");
    }

    private SQLException insertDirectly(String resource, Instant start, Instant end, String owner) throws SQLException {
        direct.setAutoCommit(true);
        try (PreparedStatement s = direct.prepareStatement("INSERT INTO \"medcoord\".claims "
                + "(resource_id, start_ns, end_ns, owner) VALUES (?, ?, ?, ?)")) {
            s.setString(1, resource);
            s.setLong(2, nanos(start));
            s.setLong(3, nanos(end));
            s.setString(4, owner);
            s.executeUpdate();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static AdapterException catchAdapterException(Runnable action) {
        try {
            action.run();
        } catch (AdapterException e) {
            return e;
        }
        throw new AssertionError("expected an AdapterException");
    }

    /** Nothing in the message, the causes, their messages or their string forms. */
    private static void assertLeaksNothing(Throwable e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String secret : secrets) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
                assertThat(t.toString()).doesNotContain(secret);
            }
            assertThat(t).isNotInstanceOf(SQLException.class);
            for (Throwable suppressed : t.getSuppressed()) {
                assertLeaksNothing(suppressed, secrets);
            }
        }
        assertThatThrownBy(() -> {
            throw e;
        }).hasStackTraceContaining("SQLState");
    }
}
