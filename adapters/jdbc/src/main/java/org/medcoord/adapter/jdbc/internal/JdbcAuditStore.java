package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.audit.AuditQuery;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.KeyProvider.KeyId;
import org.medcoord.spi.audit.SealedRecord;
import org.medcoord.spi.audit.UnsealedRecord;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * The audit trail: audited calls insert a row into the journal, whose key is its only index (read
 * back in append order by an identity column); the sealer moves journal rows into the indexed
 * records table with their chain fields, many per transaction, holding the one head row FOR
 * UPDATE. Sealed rows are read back exactly as stored, so that the verifier sees any change made
 * to them.
 */
final class JdbcAuditStore extends StoreBase implements AuditStore {
    private static final String COLUMNS = "at_ns, user_id, on_behalf_of, facility_id, node_id, purpose, action, "
            + "entities, patient_id, outcome, detail_code";
    private static final String CHAIN_COLUMNS = "chain_seq, prev_hash, hash, " + COLUMNS;

    private final String append;
    private final String all;
    private final String lockHead;
    private final String unsealed;
    private final String sealRecord;
    private final String unjournal;
    private final String moveHead;
    private final String chain;
    private final String find;
    private final String addCheckpoint;
    private final String checkpointsFrom;
    private final String latestCheckpoint;
    private final String sinkMark;
    private final String setSinkMark;

    JdbcAuditStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        String records = tables.auditRecords();
        String journal = tables.schema() + ".audit_journal";
        String head = tables.schema() + ".audit_chain_head";
        String checkpoints = tables.schema() + ".audit_checkpoints";
        String marks = tables.schema() + ".audit_sink_marks";
        append = "INSERT INTO " + journal + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        all = "SELECT " + COLUMNS + " FROM (SELECT 0 AS part, seq, " + COLUMNS + " FROM " + records
                + " UNION ALL SELECT 1 AS part, seq, " + COLUMNS + " FROM " + journal + ") t ORDER BY part, seq";
        lockHead = "SELECT seq, hash FROM " + head + " WHERE id = 1 FOR UPDATE";
        unsealed = "SELECT seq, " + COLUMNS + " FROM " + journal + " ORDER BY seq LIMIT ?";
        sealRecord = "INSERT INTO " + records + " (" + CHAIN_COLUMNS + ") SELECT ?, ?, ?, " + COLUMNS + " FROM "
                + journal + " WHERE seq = ?";
        unjournal = "DELETE FROM " + journal + " WHERE seq = ?";
        moveHead = "UPDATE " + head + " SET seq = ?, hash = ? WHERE id = 1";
        chain = "SELECT " + CHAIN_COLUMNS + " FROM " + records + " WHERE chain_seq >= ? ORDER BY chain_seq LIMIT ?";
        find = "SELECT " + CHAIN_COLUMNS + " FROM " + records
                + " WHERE chain_seq IS NOT NULL AND at_ns >= ? AND at_ns < ?";
        String checkpointColumns = "idx, seq, head_hash, prev_digest, at_ns, key_id, signature";
        addCheckpoint = "INSERT INTO " + checkpoints + " (" + checkpointColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
        checkpointsFrom = "SELECT " + checkpointColumns + " FROM " + checkpoints + " WHERE idx >= ? ORDER BY idx LIMIT ?";
        latestCheckpoint = "SELECT " + checkpointColumns + " FROM " + checkpoints + " ORDER BY idx DESC LIMIT 1";
        sinkMark = "SELECT seq FROM " + marks + " WHERE sink_id = ?";
        setSinkMark = dialect.upsert(marks, "sink_id", "sink_id", "seq");
    }

    @Override
    public void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        long at = Nanos.of(record.at(), "record.at");
        Deferred.Binder bind = (s, first) -> {
            s.setLong(first, at);
            s.setString(first + 1, record.user().value());
            Sql.setNullable(s, first + 2, record.onBehalfOf().map(UserId::value).orElse(null));
            s.setString(first + 3, record.facility().value());
            s.setString(first + 4, record.node().value());
            s.setString(first + 5, record.purpose().name());
            s.setString(first + 6, record.action());
            s.setString(first + 7, Values.strings(record.entities()));
            Sql.setNullable(s, first + 8, record.patient().map(PatientId::value).orElse(null));
            s.setString(first + 9, record.outcome().name());
            s.setString(first + 10, record.detailCode());
        };
        // On PostgreSQL the record goes with the unit's next read or its COMMIT: no round trip of
        // its own. Its key is generated, so it never collides.
        if (deferred(new Deferred(append, 11, bind, "audit_journal_pkey",
                () -> new ConflictException("audit-record-exists", "an audit record was written twice"),
                "append an audit record"))) {
            return;
        }
        Sql.update(writing(), append, s -> bind.bind(s, 1), "append an audit record");
    }

    @Override
    public List<AuditRecord> all() {
        return Sql.list(reading(), all, s -> { }, JdbcAuditStore::record, "read the audit trail");
    }

    @Override
    public ChainHead lockHead() {
        return Sql.one(writing(), lockHead, s -> { },
                        rows -> new ChainHead(rows.getLong("seq"), ChainHash.of(rows.getBytes("hash"))),
                        "lock the audit chain head")
                .orElseThrow(() -> new AdapterException(
                        "storage could not lock the audit chain head: its row is missing", null));
    }

    @Override
    public List<UnsealedRecord> unsealed(int limit) {
        checkLimit(limit);
        return Sql.list(reading(), unsealed, s -> s.setInt(1, limit),
                rows -> new UnsealedRecord(rows.getLong("seq"), record(rows)), "read unsealed audit records");
    }

    @Override
    public void seal(List<SealedRecord> sealed) {
        List<SealedRecord> batch = List.copyOf(sealed);
        if (batch.isEmpty()) {
            return;
        }
        Connection connection = writing();
        int[] counts;
        try (PreparedStatement statement = connection.prepareStatement(sealRecord)) {
            for (SealedRecord record : batch) {
                ChainedEvent event = record.event();
                statement.setLong(1, event.sequence());
                statement.setBytes(2, event.previousHash().toBytes());
                statement.setBytes(3, event.hash().toBytes());
                statement.setLong(4, record.key());
                statement.addBatch();
            }
            counts = statement.executeBatch();
        } catch (SQLException e) {
            SQLException cause = SqlFailures.sqlException(e);
            if (cause != null && SqlFailures.isUniqueViolation(cause)) {
                throw new ConflictException("audit-chain-sequence-taken",
                        "an audit chain sequence from " + batch.get(0).event().sequence() + " is sealed already");
            }
            throw SqlFailures.translate(e, "seal audit records");
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new ConflictException("audit-record-sealed",
                        "audit record " + batch.get(i).key() + " is sealed already or unknown");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(unjournal)) {
            for (SealedRecord record : batch) {
                statement.setLong(1, record.key());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "seal audit records");
        }
        ChainedEvent last = batch.get(batch.size() - 1).event();
        Sql.update(connection, moveHead, s -> {
            s.setLong(1, last.sequence());
            s.setBytes(2, last.hash().toBytes());
        }, "move the audit chain head");
    }

    @Override
    public List<ChainedEvent> chain(long fromSequence, int limit) {
        checkLimit(limit);
        return Sql.list(reading(), chain, s -> {
            s.setLong(1, fromSequence);
            s.setInt(2, limit);
        }, JdbcAuditStore::event, "read the audit chain");
    }

    @Override
    public List<ChainedEvent> find(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder(find);
        List<String> values = new ArrayList<>();
        query.patient().ifPresent(patient -> {
            sql.append(" AND patient_id = ?");
            values.add(patient.value());
        });
        query.user().ifPresent(user -> {
            sql.append(" AND user_id = ?");
            values.add(user.value());
        });
        if (!query.purposes().isEmpty()) {
            sql.append(" AND purpose IN (").append(placeholders(query.purposes().size())).append(')');
            query.purposes().stream().map(Purpose::name).sorted().forEach(values::add);
        }
        if (!query.outcomes().isEmpty()) {
            sql.append(" AND outcome IN (").append(placeholders(query.outcomes().size())).append(')');
            query.outcomes().stream().map(AuditOutcome::name).sorted().forEach(values::add);
        }
        sql.append(" ORDER BY chain_seq");
        long from = Nanos.bound(query.from());
        long to = Nanos.bound(query.to());
        return Sql.list(reading(), sql.toString(), s -> {
            s.setLong(1, from);
            s.setLong(2, to);
            for (int i = 0; i < values.size(); i++) {
                s.setString(3 + i, values.get(i));
            }
        }, JdbcAuditStore::event, "query the audit chain");
    }

    @Override
    public void addCheckpoint(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        long at = Nanos.of(checkpoint.at(), "checkpoint.at");
        try (PreparedStatement s = writing().prepareStatement(addCheckpoint)) {
            s.setLong(1, checkpoint.index());
            s.setLong(2, checkpoint.sequence());
            s.setBytes(3, checkpoint.head().toBytes());
            s.setBytes(4, checkpoint.previous().toBytes());
            s.setLong(5, at);
            s.setString(6, checkpoint.keyId().value());
            s.setBytes(7, checkpoint.signature());
            s.executeUpdate();
        } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw new ConflictException("audit-checkpoint-index-taken",
                        "audit checkpoint " + checkpoint.index() + " is stored already");
            }
            throw SqlFailures.translate(e, "store an audit checkpoint");
        }
    }

    @Override
    public List<Checkpoint> checkpoints(long fromIndex, int limit) {
        checkLimit(limit);
        return Sql.list(reading(), checkpointsFrom, s -> {
            s.setLong(1, fromIndex);
            s.setInt(2, limit);
        }, JdbcAuditStore::checkpoint, "read audit checkpoints");
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return Sql.one(reading(), latestCheckpoint, s -> { }, JdbcAuditStore::checkpoint,
                "read the latest audit checkpoint");
    }

    private static Checkpoint checkpoint(ResultSet rows) throws SQLException {
        return new Checkpoint(rows.getLong("idx"), rows.getLong("seq"), ChainHash.of(rows.getBytes("head_hash")),
                ChainHash.of(rows.getBytes("prev_digest")), Nanos.instant(rows.getLong("at_ns")),
                KeyId.of(rows.getString("key_id")), rows.getBytes("signature"));
    }

    @Override
    public long sinkMark(String sinkId) {
        Objects.requireNonNull(sinkId, "sinkId");
        return Sql.one(reading(), sinkMark, s -> s.setString(1, sinkId), rows -> rows.getLong("seq"),
                "read an audit sink mark").orElse(0L);
    }

    @Override
    public void setSinkMark(String sinkId, long sequence) {
        Objects.requireNonNull(sinkId, "sinkId");
        Sql.update(writing(), setSinkMark, s -> {
            s.setString(1, sinkId);
            s.setLong(2, sequence);
        }, "store an audit sink mark");
    }

    private static ChainedEvent event(ResultSet rows) throws SQLException {
        return new ChainedEvent(rows.getLong("chain_seq"), record(rows), ChainHash.of(rows.getBytes("prev_hash")),
                ChainHash.of(rows.getBytes("hash")));
    }

    private static AuditRecord record(ResultSet rows) throws SQLException {
        return new AuditRecord(Nanos.instant(rows.getLong("at_ns")), UserId.of(rows.getString("user_id")),
                Optional.ofNullable(rows.getString("on_behalf_of")).map(UserId::of),
                FacilityId.of(rows.getString("facility_id")), NodeId.of(rows.getString("node_id")),
                Purpose.valueOf(rows.getString("purpose")),
                rows.getString("action"), Values.strings(rows.getString("entities")),
                Optional.ofNullable(rows.getString("patient_id")).map(PatientId::of),
                AuditOutcome.valueOf(rows.getString("outcome")), rows.getString("detail_code"));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
