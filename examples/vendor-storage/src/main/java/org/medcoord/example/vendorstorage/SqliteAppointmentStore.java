package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Appointments in the {@code appointment} table (the whole record, with the patient and period as
 * columns to filter on) and the resources each uses in {@code appointment_resource}. Inserts are
 * checked at once, never held back.
 */
final class SqliteAppointmentStore implements AppointmentStore {
    private static final String COLUMNS = "SELECT id, body FROM appointment ";
    private static final String ORDER = " ORDER BY start_ns, id";

    private final UnitBinding<SqliteUnit> binding;

    SqliteAppointmentStore(UnitBinding<SqliteUnit> binding) {
        this.binding = binding;
    }

    @Override
    public void insert(Appointment appointment) {
        Connection c = binding.writing().connection();
        String id = appointment.id().value();
        if (storedVersion(c, id).isPresent()) {
            throw new ConflictException("appointment-exists", "appointment " + id + " exists already");
        }
        Sql.update(c, "inserting appointment " + id,
                "INSERT INTO appointment (id, patient, start_ns, end_ns, version, body) VALUES (?, ?, ?, ?, ?, ?)",
                id, appointment.patient().value(), Sql.stored("start", appointment.start()),
                Sql.stored("end", appointment.end()), appointment.version(),
                Codec.encode(Codec.APPOINTMENT, appointment));
        useResources(c, appointment);
    }

    @Override
    public void update(Appointment appointment) {
        Connection c = binding.writing().connection();
        String id = appointment.id().value();
        long stored = storedVersion(c, id).orElseThrow(() -> new NotFoundException("appointment", id));
        if (stored != appointment.version() - 1) {
            throw new ConflictException("concurrent-update", "appointment " + id + " has stored version " + stored
                    + ", the update expects " + (appointment.version() - 1));
        }
        Sql.update(c, "updating appointment " + id,
                "UPDATE appointment SET patient = ?, start_ns = ?, end_ns = ?, version = ?, body = ? WHERE id = ?",
                appointment.patient().value(), Sql.stored("start", appointment.start()),
                Sql.stored("end", appointment.end()), appointment.version(),
                Codec.encode(Codec.APPOINTMENT, appointment), id);
        Sql.update(c, "updating the resources of appointment " + id,
                "DELETE FROM appointment_resource WHERE appointment = ?", id);
        useResources(c, appointment);
    }

    @Override
    public Optional<Appointment> find(AppointmentId id) {
        return Sql.one(binding.reading().connection(), "reading appointment " + id, COLUMNS + "WHERE id = ?",
                SqliteAppointmentStore::appointment, id.value());
    }

    @Override
    public List<Appointment> forPatient(PatientId patient, Instant from, Instant to) {
        return Sql.list(binding.reading().connection(), "reading a patient's appointments",
                COLUMNS + "WHERE patient = ? AND start_ns < ? AND end_ns > ?" + ORDER,
                SqliteAppointmentStore::appointment, patient.value(), Sql.bound(to), Sql.bound(from));
    }

    @Override
    public List<Appointment> forResource(ResourceId resource, Instant from, Instant to) {
        return forResources(List.of(resource), from, to);
    }

    /** One read for every resource, each appointment once however many of them it uses. */
    @Override
    public List<Appointment> forResources(Collection<ResourceId> resources, Instant from, Instant to) {
        Connection c = binding.reading().connection();
        if (resources.isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "reading the appointments of resources",
                COLUMNS + "WHERE id IN (SELECT appointment FROM appointment_resource WHERE resource IN ("
                        + Sql.marks(resources.size()) + ")) AND start_ns < ? AND end_ns > ?" + ORDER,
                SqliteAppointmentStore::appointment,
                Sql.parameters(SqliteScheduleStore.ids(resources), Sql.bound(to), Sql.bound(from)));
    }

    private static Optional<Long> storedVersion(Connection c, String id) {
        return Sql.one(c, "reading the version of appointment " + id, "SELECT version FROM appointment WHERE id = ?",
                row -> row.getLong(1), id);
    }

    private static void useResources(Connection c, Appointment appointment) {
        Set<String> resources = new LinkedHashSet<>();
        for (RoleAssignment role : appointment.resources()) {
            resources.add(role.resource().value());
        }
        for (String resource : resources) {
            Sql.update(c, "recording the resources of appointment " + appointment.id(),
                    "INSERT INTO appointment_resource (appointment, resource) VALUES (?, ?)",
                    appointment.id().value(), resource);
        }
    }

    private static Appointment appointment(java.sql.ResultSet row) throws java.sql.SQLException {
        return SqliteScheduleStore.decode(Codec.READ_APPOINTMENT, row.getString(1), row.getBytes(2), "appointment");
    }
}
