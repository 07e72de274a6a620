package org.medcoord.adapter.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.storage.AuditStore;

/** The audit trail: insert-only, read back in append order by an identity column. */
final class JdbcAuditStore extends StoreBase implements AuditStore {
    private static final String COLUMNS = "at_ns, user_id, on_behalf_of, facility_id, purpose, action, entities, "
            + "patient_id, outcome, detail_code";

    private final String append;
    private final String all;

    JdbcAuditStore(Units units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        append = "INSERT INTO " + tables.auditRecords() + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        all = "SELECT " + COLUMNS + " FROM " + tables.auditRecords() + " ORDER BY seq";
    }

    @Override
    public void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        long at = Nanos.of(record.at(), "record.at");
        Sql.update(writing(), append, s -> {
            s.setLong(1, at);
            s.setString(2, record.user().value());
            Sql.setNullable(s, 3, record.onBehalfOf().map(UserId::value).orElse(null));
            s.setString(4, record.facility().value());
            s.setString(5, record.purpose().name());
            s.setString(6, record.action());
            s.setString(7, Values.strings(record.entities()));
            Sql.setNullable(s, 8, record.patient().map(PatientId::value).orElse(null));
            s.setString(9, record.outcome().name());
            s.setString(10, record.detailCode());
        }, "append an audit record");
    }

    @Override
    public List<AuditRecord> all() {
        return Sql.list(reading(), all, s -> { }, JdbcAuditStore::record, "read the audit trail");
    }

    private static AuditRecord record(ResultSet rows) throws SQLException {
        return new AuditRecord(Nanos.instant(rows.getLong("at_ns")), UserId.of(rows.getString("user_id")),
                Optional.ofNullable(rows.getString("on_behalf_of")).map(UserId::of),
                FacilityId.of(rows.getString("facility_id")), Purpose.valueOf(rows.getString("purpose")),
                rows.getString("action"), Values.strings(rows.getString("entities")),
                Optional.ofNullable(rows.getString("patient_id")).map(PatientId::of),
                AuditOutcome.valueOf(rows.getString("outcome")), rows.getString("detail_code"));
    }
}
