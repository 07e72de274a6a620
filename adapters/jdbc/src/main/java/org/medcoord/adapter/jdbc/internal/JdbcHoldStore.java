package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.support.UnitBinding;

/** Holds by id; inserting an id that exists is a conflict ({@code hold-exists}). */
final class JdbcHoldStore extends StoreBase implements HoldStore {
    private static final String COLUMNS = "id, patient_id, service_id, start_ns, end_ns, roles, expires_ns";

    private final String insert;
    private final String find;
    private final String delete;

    JdbcHoldStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        insert = dialect.insertIfAbsent(tables.holds(), "id", COLUMNS.split(", "));
        find = "SELECT " + COLUMNS + " FROM " + tables.holds() + " WHERE id = ?";
        delete = "DELETE FROM " + tables.holds() + " WHERE id = ?";
    }

    @Override
    public void insert(Hold hold) {
        Objects.requireNonNull(hold, "hold");
        Connection connection = writing();
        SlotOption slot = hold.slot();
        long start = Nanos.of(slot.start(), "hold.slot.start");
        long end = Nanos.of(slot.end(), "hold.slot.end");
        long expires = Nanos.of(hold.expiresAt(), "hold.expiresAt");
        String id = hold.id().value();
        int added;
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            s.setString(1, id);
            s.setString(2, hold.patient().value());
            s.setString(3, slot.service().value());
            s.setLong(4, start);
            s.setLong(5, end);
            s.setString(6, Values.roles(slot.resources()));
            s.setLong(7, expires);
            added = s.executeUpdate();
        } catch (SQLException e) {
            if (dialect != Dialect.H2 || !SqlFailures.isUniqueViolation(e)) {
                throw SqlFailures.translate(e, "insert hold " + id);
            }
            added = 0;
        }
        if (added == 0) {
            throw new ConflictException("hold-exists", "hold " + id + " already exists");
        }
    }

    @Override
    public Optional<Hold> find(HoldId id) {
        Objects.requireNonNull(id, "id");
        return Sql.one(reading(), find, s -> s.setString(1, id.value()), JdbcHoldStore::hold, "read hold " + id);
    }

    @Override
    public boolean delete(HoldId id) {
        Objects.requireNonNull(id, "id");
        return Sql.update(writing(), delete, s -> s.setString(1, id.value()), "delete hold " + id) > 0;
    }

    private static Hold hold(ResultSet rows) throws SQLException {
        SlotOption slot = new SlotOption(ServiceTypeId.of(rows.getString("service_id")),
                Nanos.instant(rows.getLong("start_ns")), Nanos.instant(rows.getLong("end_ns")),
                Values.roles(rows.getString("roles")));
        return new Hold(HoldId.of(rows.getString("id")), PatientId.of(rows.getString("patient_id")), slot,
                Nanos.instant(rows.getLong("expires_ns")));
    }
}
