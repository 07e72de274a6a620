package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.SeriesId;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * One row per appointment, its roles and status history encoded in text columns, plus one row per
 * distinct resource in {@code appointment_resources} so that {@link #forResource} is an index range
 * scan. Updates are optimistic: {@code UPDATE ... WHERE version = ?}. On PostgreSQL an insert is
 * held back until the unit's next read or its commit ({@link Deferred}); a taken id then ends the
 * unit with the same {@code appointment-exists} conflict.
 */
final class JdbcAppointmentStore extends StoreBase implements AppointmentStore {
    private static final String COLUMNS = "id, patient_id, service_id, start_ns, end_ns, status, series_id, "
            + "overbooked, roles, history, version, facility, reason";

    private final String insert;
    private final String insertIndexed;
    private final String update;
    private final String versionOf;
    private final String find;
    private final String forPatient;
    private final String forResource;
    private final String forResources;
    private final String indexResource;
    private final String unindex;
    private final String insertDeferred;

    JdbcAppointmentStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        insert = dialect.insertIfAbsent(tables.appointments(), "id", COLUMNS.split(", "));
        // PostgreSQL: the appointment row and its resource rows in one statement (one round trip).
        // The resource rows are inserted only when the appointment row went in; the count says
        // whether it did. The foreign key is checked at the end of the statement, when the
        // appointment row is there.
        insertIndexed = dialect == Dialect.POSTGRESQL
                ? "WITH a AS (" + insert + " RETURNING id), r AS (INSERT INTO " + tables.appointmentResources()
                        + " (resource_id, appointment_id, start_ns, end_ns) SELECT x.resource_id, a.id, ?, ?"
                        + " FROM a CROSS JOIN unnest(?::varchar[]) AS x(resource_id)) SELECT count(*) FROM a"
                : null;
        // Held back until the unit's next read or its commit: a plain insert, so that a taken id
        // fails the statement (appointments_pkey) and ends the unit with appointment-exists.
        insertDeferred = dialect == Dialect.POSTGRESQL
                ? "WITH a AS (INSERT INTO " + tables.appointments() + " (" + COLUMNS + ") VALUES ("
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id) INSERT INTO " + tables.appointmentResources()
                        + " (resource_id, appointment_id, start_ns, end_ns) SELECT x.resource_id, a.id, ?, ?"
                        + " FROM a CROSS JOIN unnest(?::varchar[]) AS x(resource_id)"
                : null;
        update = "UPDATE " + tables.appointments() + " SET patient_id = ?, service_id = ?, start_ns = ?, end_ns = ?, "
                + "status = ?, series_id = ?, overbooked = ?, roles = ?, history = ?, version = ?, facility = ?, reason = ? "
                + "WHERE id = ? AND version = ?";
        versionOf = "SELECT version FROM " + tables.appointments() + " WHERE id = ?";
        find = "SELECT " + COLUMNS + " FROM " + tables.appointments() + " WHERE id = ?";
        forPatient = "SELECT " + COLUMNS + " FROM " + tables.appointments()
                + " WHERE patient_id = ? AND start_ns < ? AND end_ns > ? ORDER BY start_ns, id";
        forResource = "SELECT " + prefixed("a.") + " FROM " + tables.appointmentResources() + " r JOIN "
                + tables.appointments() + " a ON a.id = r.appointment_id"
                + " WHERE r.resource_id = ? AND r.start_ns < ? AND r.end_ns > ? ORDER BY a.start_ns, a.id";
        // One read for many resources, on the same (resource_id, end_ns) index as forResource: on H2
        // through a table of the ids, so that it seeks the index once per resource.
        forResources = "SELECT " + prefixed("a.") + " FROM "
                + (dialect == Dialect.H2 ? Dialect.H2_ID_TABLE + " JOIN " + tables.appointmentResources()
                        + " r ON r.resource_id = t.id" : tables.appointmentResources() + " r")
                + " JOIN " + tables.appointments() + " a ON a.id = r.appointment_id WHERE "
                + (dialect == Dialect.H2 ? "" : "r.resource_id = ANY(?) AND ")
                + "r.start_ns < ? AND r.end_ns > ? ORDER BY a.start_ns, a.id";
        indexResource = "INSERT INTO " + tables.appointmentResources()
                + " (resource_id, appointment_id, start_ns, end_ns) VALUES (?, ?, ?, ?)";
        unindex = "DELETE FROM " + tables.appointmentResources() + " WHERE appointment_id = ?";
    }

    @Override
    public void insert(Appointment appointment) {
        Objects.requireNonNull(appointment, "appointment");
        Stored stored = Stored.of(appointment);
        String id = appointment.id().value();
        if (insertDeferred != null && deferred(new Deferred(insertDeferred, 16, (s, first) -> {
            s.setString(first, id);
            bindFields(s, first + 1, appointment, stored);
            s.setLong(first + 10, appointment.version());
            bindOwner(s, first + 11, appointment);
            s.setLong(first + 13, stored.start());
            s.setLong(first + 14, stored.end());
            s.setArray(first + 15, dialect.textArray(s.getConnection(), resources(appointment)));
        }, "appointments_pkey", () -> exists(id), "insert appointment " + id))) {
            return;
        }
        Connection connection = writing();
        if (insertIndexed != null) {
            insertIndexed(connection, appointment, stored);
            return;
        }
        int added;
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            s.setString(1, id);
            bindFields(s, 2, appointment, stored);
            s.setLong(11, appointment.version());
            bindOwner(s, 12, appointment);
            added = s.executeUpdate();
        } catch (SQLException e) {
            if (dialect != Dialect.H2 || !SqlFailures.isUniqueViolation(e)) {
                throw SqlFailures.translate(e, "insert appointment " + id);
            }
            added = 0;
        }
        if (added == 0) {
            throw exists(id);
        }
        index(connection, appointment, stored);
    }

    private static ConflictException exists(String id) {
        return new ConflictException("appointment-exists", "appointment " + id + " already exists");
    }

    /** PostgreSQL: the appointment row and its resource rows with one statement. */
    private void insertIndexed(Connection connection, Appointment appointment, Stored stored) {
        String id = appointment.id().value();
        long added;
        try (PreparedStatement s = connection.prepareStatement(insertIndexed)) {
            s.setString(1, id);
            bindFields(s, 2, appointment, stored);
            s.setLong(11, appointment.version());
            bindOwner(s, 12, appointment);
            s.setLong(14, stored.start());
            s.setLong(15, stored.end());
            s.setArray(16, dialect.textArray(connection, resources(appointment)));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                added = rows.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "insert appointment " + id);
        }
        if (added == 0) {
            throw new ConflictException("appointment-exists", "appointment " + id + " already exists");
        }
    }

    @Override
    public void update(Appointment appointment) {
        Objects.requireNonNull(appointment, "appointment");
        Connection connection = writing();
        Stored stored = Stored.of(appointment);
        String id = appointment.id().value();
        int changed = Sql.update(connection, update, s -> {
            bindFields(s, 1, appointment, stored);
            s.setLong(10, appointment.version());
            bindOwner(s, 11, appointment);
            s.setString(13, id);
            s.setLong(14, appointment.version() - 1);
        }, "update appointment " + id);
        if (changed == 0) {
            Optional<Long> version = Sql.one(connection, versionOf, s -> s.setString(1, id), r -> r.getLong(1),
                    "read the version of appointment " + id);
            if (version.isEmpty()) {
                throw new NotFoundException("appointment", id);
            }
            throw new ConflictException("concurrent-update", "appointment " + id + " is at version " + version.get()
                    + "; an update to version " + appointment.version() + " was refused");
        }
        Sql.update(connection, unindex, s -> s.setString(1, id), "re-index appointment " + id);
        index(connection, appointment, stored);
    }

    @Override
    public Optional<Appointment> find(AppointmentId id) {
        Objects.requireNonNull(id, "id");
        return Sql.one(reading(), find, s -> s.setString(1, id.value()), JdbcAppointmentStore::appointment,
                "read appointment " + id);
    }

    @Override
    public List<Appointment> forPatient(PatientId patient, Instant from, Instant to) {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return Sql.list(reading(), forPatient, s -> {
            s.setString(1, patient.value());
            s.setLong(2, Nanos.bound(to));
            s.setLong(3, Nanos.bound(from));
        }, JdbcAppointmentStore::appointment, "list appointments of patient " + patient);
    }

    /** The statement behind {@link #forPatient}: patient, to, from. */
    String forPatientSql() {
        return forPatient;
    }

    @Override
    public List<Appointment> forResource(ResourceId resource, Instant from, Instant to) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return Sql.list(reading(), forResource, s -> {
            s.setString(1, resource.value());
            s.setLong(2, Nanos.bound(to));
            s.setLong(3, Nanos.bound(from));
        }, JdbcAppointmentStore::appointment, "list appointments of resource " + resource);
    }

    @Override
    public List<Appointment> forResources(Collection<ResourceId> resources, Instant from, Instant to) {
        Set<String> ids = JdbcScheduleStore.ids(resources);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (ids.isEmpty()) {
            return List.of();
        }
        Connection connection = reading();
        List<Appointment> rows = Sql.list(connection, forResources, s -> {
            s.setArray(1, dialect.textArray(connection, ids));
            s.setLong(2, Nanos.bound(to));
            s.setLong(3, Nanos.bound(from));
        }, JdbcAppointmentStore::appointment, "list appointments of " + ids.size() + " resources");
        // An appointment with several of the resources comes once per resource, next to itself.
        Map<AppointmentId, Appointment> once = new LinkedHashMap<>();
        for (Appointment a : rows) {
            once.putIfAbsent(a.id(), a);
        }
        return List.copyOf(once.values());
    }

    /** Binds the ten columns after the id, starting at {@code first}. */
    private static void bindFields(PreparedStatement s, int first, Appointment a, Stored stored) throws SQLException {
        s.setString(first, a.patient().value());
        s.setString(first + 1, a.service().value());
        s.setLong(first + 2, stored.start());
        s.setLong(first + 3, stored.end());
        s.setString(first + 4, a.status().code());
        Sql.setNullable(s, first + 5, a.series().map(SeriesId::value).orElse(null));
        s.setBoolean(first + 6, a.overbooked());
        s.setString(first + 7, Values.roles(a.resources()));
        s.setString(first + 8, Values.history(a.history()));
    }

    /** The distinct resources of an appointment, in role order. */
    private static void bindOwner(PreparedStatement s, int first, Appointment a) throws SQLException {
        s.setString(first, a.facility().value());
        Sql.setNullable(s, first + 1, a.reason().map(Values::reason).orElse(null));
    }

    private static Set<String> resources(Appointment appointment) {
        Set<String> resources = new LinkedHashSet<>();
        for (RoleAssignment role : appointment.resources()) {
            resources.add(role.resource().value());
        }
        return resources;
    }

    private void index(Connection connection, Appointment appointment, Stored stored) {
        Set<String> resources = resources(appointment);
        if (resources.isEmpty()) {
            return;
        }
        String id = appointment.id().value();
        try (PreparedStatement s = connection.prepareStatement(indexResource)) {
            for (String resource : resources) {
                s.setString(1, resource);
                s.setString(2, id);
                s.setLong(3, stored.start());
                s.setLong(4, stored.end());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "index appointment " + id + " by resource");
        }
    }

    private static String prefixed(String alias) {
        StringBuilder out = new StringBuilder();
        for (String column : COLUMNS.split(", ")) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(alias).append(column);
        }
        return out.toString();
    }

    static Appointment appointment(ResultSet rows) throws SQLException {
        return new Appointment(AppointmentId.of(rows.getString("id")), PatientId.of(rows.getString("patient_id")),
                ServiceTypeId.of(rows.getString("service_id")), Nanos.instant(rows.getLong("start_ns")),
                Nanos.instant(rows.getLong("end_ns")), Values.roles(rows.getString("roles")),
                AppointmentStatus.fromCode(rows.getString("status")),
                Optional.ofNullable(rows.getString("series_id")).map(SeriesId::of), rows.getBoolean("overbooked"),
                Values.history(rows.getString("history")), rows.getLong("version"),
                FacilityId.of(rows.getString("facility")),
                Optional.ofNullable(rows.getString("reason")).map(Values::reason));
    }

    /** The stored forms of an appointment's instants, checked before any statement runs. */
    private record Stored(long start, long end) {
        static Stored of(Appointment a) {
            return new Stored(Nanos.of(a.start(), "appointment.start"), Nanos.of(a.end(), "appointment.end"));
        }
    }
}
