package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.common.AdapterException;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * {@link org.medcoord.spi.storage.StorageTransaction#calendar} on PostgreSQL: the schedule
 * version, the active claims and the patient's appointments with one prepared statement holding
 * the stores' own three queries. The driver sends the three in one message and reads the three
 * results after one sync: one round trip. A finishing read goes in the same statement as the
 * writes held back and the {@code COMMIT} ({@link Session#readAndCommit}), so that an audited
 * search costs one round trip in all. On H2 (in the process, no round trips) the unit makes the
 * three reads one after the other.
 */
final class JdbcCalendarReads extends StoreBase {
    private static final String ACTION = "read claims, appointments and the schedule version";

    private final String all;
    private final String withoutPatient;
    private final String withoutClaims;
    private final String versionOnly;

    JdbcCalendarReads(UnitBinding<Unit> units, Dialect dialect, Tables tables, JdbcScheduleStore schedule, JdbcClaimStore claims,
                      JdbcAppointmentStore appointments) {
        super(units, dialect, tables);
        all = schedule.versionSql() + "; " + claims.activeSql() + "; " + appointments.forPatientSql();
        withoutPatient = schedule.versionSql() + "; " + claims.activeSql();
        withoutClaims = schedule.versionSql() + "; " + appointments.forPatientSql();
        versionOnly = schedule.versionSql();
    }

    /** Whether this dialect answers with one statement; else the unit makes the three reads. */
    boolean combines() {
        return dialect == Dialect.POSTGRESQL;
    }

    /**
     * Reads the calendar.
     *
     * @param query what to read
     * @param commit whether to send the unit's held-back writes and its {@code COMMIT} with the read
     * @return what was read
     */
    CalendarRead read(CalendarQuery query, boolean commit) {
        Set<String> ids = JdbcScheduleStore.ids(query.resources());
        boolean withClaims = !ids.isEmpty();
        boolean withPatient = query.patient().isPresent();
        String sql = withClaims ? (withPatient ? all : withoutPatient) : (withPatient ? withoutClaims : versionOnly);
        Deferred.Binder binder = (s, first) -> {
            int p = first;
            if (withClaims) {
                s.setArray(p++, dialect.textArray(s.getConnection(), ids));
                s.setLong(p++, Nanos.bound(query.to()));
                s.setLong(p++, Nanos.bound(query.from()));
                s.setLong(p++, Nanos.bound(query.now()));
            }
            if (withPatient) {
                s.setString(p++, query.patient().get().value());
                s.setLong(p++, Nanos.bound(query.patientTo()));
                s.setLong(p, Nanos.bound(query.patientFrom()));
            }
        };
        Session.Results<CalendarRead> results = s -> results(s, withClaims, withPatient);
        if (commit) {
            return units.reading().session().readAndCommit(sql, binder, results, ACTION);
        }
        Connection connection = reading();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binder.bind(s, 1);
            s.execute();
            return results.read(s);
        } catch (SQLException e) {
            throw SqlFailures.translate(e, ACTION);
        }
    }

    private static CalendarRead results(PreparedStatement s, boolean withClaims, boolean withPatient)
            throws SQLException {
        OptionalLong version = OptionalLong.empty();
        try (ResultSet rows = s.getResultSet()) {
            if (rows.next()) {
                version = OptionalLong.of(rows.getLong(1));
            }
        }
        if (version.isEmpty()) {
            throw new AdapterException("storage could not read the schedule version: the schedule_version row is "
                    + "missing", null);
        }
        List<Claim> active = new ArrayList<>();
        if (withClaims) {
            next(s);
            try (ResultSet rows = s.getResultSet()) {
                while (rows.next()) {
                    active.add(Sql.readRow(rows, JdbcClaimStore::claim, ACTION));
                }
            }
        }
        List<Appointment> patient = new ArrayList<>();
        if (withPatient) {
            next(s);
            try (ResultSet rows = s.getResultSet()) {
                while (rows.next()) {
                    patient.add(Sql.readRow(rows, JdbcAppointmentStore::appointment, ACTION));
                }
            }
        }
        return new CalendarRead(version, active, patient);
    }

    private static void next(PreparedStatement s) throws SQLException {
        if (!s.getMoreResults()) {
            throw new SQLException("expected another result set");
        }
    }
}
