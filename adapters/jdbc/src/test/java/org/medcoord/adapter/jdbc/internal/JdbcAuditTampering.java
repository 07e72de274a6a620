package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.testkit.AuditTampering;

/**
 * Changes the audit rows of a JDBC storage with plain SQL on a connection of its own, as someone
 * with access to the database would: the adapter's chain head and journal are left as they are.
 */
public final class JdbcAuditTampering implements AuditTampering {
    private final JdbcOptions options;
    private final String records;
    private final String checkpoints;

    /**
     * Tampers with the database the options name.
     *
     * @param options the storage's options
     */
    public JdbcAuditTampering(JdbcOptions options) {
        this.options = options;
        String schema = "\"" + options.schema() + "\"";
        this.records = schema + ".audit_records";
        this.checkpoints = schema + ".audit_checkpoints";
    }

    @Override
    public void replaceEvent(ChainedEvent event) {
        AuditRecord r = event.record();
        update("UPDATE " + records + " SET at_ns = ?, user_id = ?, on_behalf_of = ?, facility_id = ?, node_id = ?, "
                + "purpose = ?, action = ?, entities = ?, patient_id = ?, outcome = ?, detail_code = ?, prev_hash = ?, "
                + "hash = ? WHERE chain_seq = ?", s -> {
                    s.setLong(1, Nanos.of(r.at(), "at"));
                    s.setString(2, r.user().value());
                    Sql.setNullable(s, 3, r.onBehalfOf().map(UserId::value).orElse(null));
                    s.setString(4, r.facility().value());
                    s.setString(5, r.node().value());
                    s.setString(6, r.purpose().name());
                    s.setString(7, r.action());
                    s.setString(8, Values.strings(r.entities()));
                    Sql.setNullable(s, 9, r.patient().map(PatientId::value).orElse(null));
                    s.setString(10, r.outcome().name());
                    s.setString(11, r.detailCode());
                    s.setBytes(12, event.previousHash().toBytes());
                    s.setBytes(13, event.hash().toBytes());
                    s.setLong(14, event.sequence());
                }, 1);
    }

    @Override
    public void removeEvents(long first, long last) {
        update("DELETE FROM " + records + " WHERE chain_seq BETWEEN ? AND ?", s -> {
            s.setLong(1, first);
            s.setLong(2, last);
        }, -1);
    }

    @Override
    public void replaceCheckpoint(Checkpoint c) {
        update("UPDATE " + checkpoints + " SET seq = ?, head_hash = ?, prev_digest = ?, at_ns = ?, key_id = ?, "
                + "signature = ? WHERE idx = ?", s -> {
                    s.setLong(1, c.sequence());
                    s.setBytes(2, c.head().toBytes());
                    s.setBytes(3, c.previous().toBytes());
                    s.setLong(4, Nanos.of(c.at(), "at"));
                    s.setString(5, c.keyId().value());
                    s.setBytes(6, c.signature());
                    s.setLong(7, c.index());
                }, 1);
    }

    @Override
    public void removeCheckpoints(long first, long last) {
        update("DELETE FROM " + checkpoints + " WHERE idx BETWEEN ? AND ?", s -> {
            s.setLong(1, first);
            s.setLong(2, last);
        }, -1);
    }

    private void update(String sql, Sql.Binder binder, int expectedRows) {
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            int rows = s.executeUpdate();
            if (expectedRows >= 0 && rows != expectedRows) {
                throw new IllegalStateException(sql + " changed " + rows + " rows");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tampering failed: " + sql, e);
        }
    }
}
