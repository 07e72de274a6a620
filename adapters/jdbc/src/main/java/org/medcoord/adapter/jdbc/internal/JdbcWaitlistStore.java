package org.medcoord.adapter.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.spi.storage.WaitlistStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Wait-list entries by id (upserted); open entries of a service come from one indexed query in
 * offer order. The request's preferences and the offered slot are encoded in text columns.
 */
final class JdbcWaitlistStore extends StoreBase implements WaitlistStore {
    private static final String COLUMNS = "id, patient_id, service_id, window_start_ns, window_end_ns, priority, "
            + "preferences, status, created_ns, offer, appointment_id";

    private final String put;
    private final String find;
    private final String open;

    JdbcWaitlistStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        put = dialect.upsert(tables.waitlistEntries(), "id", COLUMNS.split(", "));
        find = "SELECT " + COLUMNS + " FROM " + tables.waitlistEntries() + " WHERE id = ?";
        open = "SELECT " + COLUMNS + " FROM " + tables.waitlistEntries() + " WHERE service_id = ? AND status IN ('"
                + WaitlistStatus.WAITING.name() + "', '" + WaitlistStatus.OFFERED.name() + "')"
                + " ORDER BY priority DESC, created_ns, id";
    }

    @Override
    public void put(WaitlistEntry entry) {
        Objects.requireNonNull(entry, "entry");
        WaitlistRequest request = entry.request();
        Objects.requireNonNull(request.service(), "entry.request.service");
        Long windowStart = request.windowStart() == null ? null : Nanos.of(request.windowStart(), "request.windowStart");
        Long windowEnd = request.windowEnd() == null ? null : Nanos.of(request.windowEnd(), "request.windowEnd");
        long created = Nanos.of(entry.createdAt(), "entry.createdAt");
        Sql.update(writing(), put, s -> {
            s.setString(1, entry.id().value());
            Sql.setNullable(s, 2, request.patient() == null ? null : request.patient().value());
            s.setString(3, request.service().value());
            Sql.setNullable(s, 4, windowStart);
            Sql.setNullable(s, 5, windowEnd);
            s.setInt(6, request.priority());
            Sql.setNullable(s, 7, Values.preferences(request.preferences()));
            s.setString(8, entry.status().name());
            s.setLong(9, created);
            Sql.setNullable(s, 10, entry.offer().map(Values::slot).orElse(null));
            Sql.setNullable(s, 11, entry.appointment().map(AppointmentId::value).orElse(null));
        }, "store wait-list entry " + entry.id());
    }

    @Override
    public Optional<WaitlistEntry> find(WaitlistEntryId id) {
        Objects.requireNonNull(id, "id");
        return Sql.one(reading(), find, s -> s.setString(1, id.value()), JdbcWaitlistStore::entry,
                "read wait-list entry " + id);
    }

    @Override
    public List<WaitlistEntry> open(ServiceTypeId service) {
        Objects.requireNonNull(service, "service");
        return Sql.list(reading(), open, s -> s.setString(1, service.value()), JdbcWaitlistStore::entry,
                "list the open wait list of service type " + service);
    }

    private static WaitlistEntry entry(ResultSet rows) throws SQLException {
        String patient = rows.getString("patient_id");
        Long windowStart = Sql.nullableLong(rows, "window_start_ns");
        Long windowEnd = Sql.nullableLong(rows, "window_end_ns");
        WaitlistRequest request = new WaitlistRequest(patient == null ? null : PatientId.of(patient),
                ServiceTypeId.of(rows.getString("service_id")),
                windowStart == null ? null : Nanos.instant(windowStart),
                windowEnd == null ? null : Nanos.instant(windowEnd), rows.getInt("priority"),
                Values.preferences(rows.getString("preferences")));
        return new WaitlistEntry(WaitlistEntryId.of(rows.getString("id")), request,
                WaitlistStatus.valueOf(rows.getString("status")), Nanos.instant(rows.getLong("created_ns")),
                Optional.ofNullable(rows.getString("offer")).map(Values::slot),
                Optional.ofNullable(rows.getString("appointment_id")).map(AppointmentId::of));
    }
}
