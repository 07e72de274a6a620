package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.spi.testkit.Fixtures.DAY;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.appointment;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.claim;
import static org.medcoord.spi.testkit.Fixtures.resource;
import static org.medcoord.spi.testkit.Fixtures.rid;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;

/**
 * A PostgreSQL database written by the previous release (schema version 6: claims checked through
 * a generated {@code tstzrange}, foreign keys to resources and appointments) is upgraded in place
 * when the storage opens, with its bookings intact and still protected: V7 rebuilds the exclusion
 * constraint over the stored claims.
 *
 * <p>The version-6 rows are copied column by column from a schema the current adapter wrote in
 * the same database, so that their encoded columns (roles, history, tags) are exactly what the
 * adapter writes; V7 changes none of those columns.
 */
class UpgradeFromV6Test {
    private static final String SCHEMA = "medcoord";
    private static final Appointment BOOKED = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a", "room-1");

    @Test
    void aVersionSixDatabaseKeepsItsBookingsAndTheirProtection() throws Exception {
        JdbcOptions old = TestPostgres.freshDatabase();
        // The current adapter writes the rows in a schema of its own in the same database.
        JdbcOptions source = new JdbcOptions(old.jdbcUrl(), old.user(), old.password(), old.poolSize(), "written_now");
        try (JdbcStorage current = JdbcStorage.open(source)) {
            current.inTransaction(tx -> {
                tx.schedule().putResource(resource("dr-a"));
                tx.schedule().putResource(resource("room-1"));
                tx.appointments().insert(BOOKED);
                return tx.claims().claimAll(List.of(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1"),
                        claim("room-1", at("09:00"), at("09:30"), "appointment:a-1")), NOW);
            });
        }
        Flyway.configure(getClass().getClassLoader()).dataSource(old.jdbcUrl(), old.user(), old.password())
                .locations("classpath:db/medcoord/postgresql").schemas(SCHEMA).defaultSchema(SCHEMA)
                .createSchemas(true).table("medcoord_schema_history").target("6").load().migrate();
        try (Connection c = connect(old)) {
            copy(c, "resources", "id, kind, display_name, zone, capacity, tags, site");
            copy(c, "appointments", "id, patient_id, service_id, start_ns, end_ns, status, series_id, "
                    + "overbooked, roles, history, version, facility, reason");
            copy(c, "appointment_resources", "resource_id, appointment_id, start_ns, end_ns");
            copy(c, "claims", "resource_id, start_ns, end_ns, owner, expires_ns, over_capacity, exclusive");
            assertThat(columns(c, "claims")).contains("period");
            assertThat(latestVersion(c)).isEqualTo("6");
        }

        try (JdbcStorage upgraded = JdbcStorage.open(old)) {
            try (Connection c = connect(old)) {
                assertThat(columns(c, "claims")).doesNotContain("period");
                assertThat(columns(c, "audit_checkpoints")).contains("idx", "prev_digest");
                assertThat(latestVersion(c)).as("migrated to the newest version").isEqualTo("8");
            }
            Optional<Appointment> found = upgraded.read(tx -> tx.appointments().find(AppointmentId.of("a-1")));
            assertThat(found).contains(BOOKED);
            List<Appointment> onRoom = upgraded.read(tx -> tx.appointments().forResource(rid("room-1"), DAY,
                    at("23:00")));
            assertThat(onRoom).containsExactly(BOOKED);
            List<Claim> claims = upgraded.read(tx -> tx.claims().active(List.of(rid("dr-a")), DAY, at("23:00"), NOW));
            assertThat(claims).extracting(Claim::owner).containsExactly("appointment:a-1");

            Claim overlapping = claim("dr-a", at("09:15"), at("09:45"), "appointment:a-2");
            Optional<ClaimConflict> refused = upgraded.inTransaction(tx -> tx.claims().claimAll(List.of(overlapping),
                    NOW));
            assertThat(refused).contains(new ClaimConflict(overlapping, rid("dr-a")));
            Claim touching = claim("dr-a", at("09:30"), at("10:00"), "appointment:a-3");
            Optional<ClaimConflict> accepted = upgraded.inTransaction(tx -> tx.claims().claimAll(List.of(touching),
                    NOW));
            assertThat(accepted).isEmpty();
        }

        // The rebuilt constraint itself, not only the adapter's check, refuses an overlap.
        try (Connection c = connect(old); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            String overlap = "INSERT INTO " + SCHEMA + ".claims (resource_id, start_ns, end_ns, owner) VALUES "
                    + "('dr-a', " + nanos("09:20") + ", " + nanos("09:40") + ", 'by-hand')";
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeUpdate(overlap));
            assertThat(refused.getSQLState()).isEqualTo("23P01");
        }
    }

    private static long nanos(String time) {
        java.time.Instant at = at(time);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static Connection connect(JdbcOptions options) throws SQLException {
        return DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
    }

    /** Copies a table's rows from the current adapter's schema into the version-6 one. */
    private static void copy(Connection c, String table, String columns) throws SQLException {
        try (Statement s = c.createStatement()) {
            int copied = s.executeUpdate("INSERT INTO " + SCHEMA + "." + table + " (" + columns + ") SELECT " + columns
                    + " FROM written_now." + table);
            assertThat(copied).as("rows copied into %s", table).isPositive();
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, SCHEMA);
            s.setString(2, table);
            try (ResultSet rows = s.executeQuery()) {
                List<String> names = new java.util.ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        }
    }

    private static String latestVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT version FROM " + SCHEMA
                + ".medcoord_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
