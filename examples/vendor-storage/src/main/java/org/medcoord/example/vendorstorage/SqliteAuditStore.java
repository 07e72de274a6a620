package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.common.NotFoundException;
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
 * The audit trail in the {@code audit} table: one insert per record, keyed by an auto-increment
 * {@code audit_key} in append order; sealing fills the record's {@code sequence}, {@code
 * previous_hash} and {@code hash} (the sequence column is unique) and moves the one-row {@code
 * chain_head}. Checkpoints and sink marks have tables of their own.
 *
 * <p>The head needs no row lock: {@link #lockHead()} is a write, and writing units run one at a
 * time on the file, so the head is held until the unit ends. Rows are returned as stored; the
 * verifier decides whether they are intact. A row that no longer decodes is an
 * {@link AdapterException} naming its key, sequence or index.
 */
final class SqliteAuditStore implements AuditStore {
    private static final String EVENT = "SELECT audit_key, body, sequence, previous_hash, hash FROM audit ";
    private static final String CHECKPOINT = "SELECT idx, sequence, head, previous, at_s, at_n, key_id, signature "
            + "FROM checkpoint ";

    private final UnitBinding<SqliteUnit> binding;

    SqliteAuditStore(UnitBinding<SqliteUnit> binding) {
        this.binding = binding;
    }

    @Override
    public void append(AuditRecord record) {
        Sql.update(binding.writing().connection(), "appending an audit record",
                "INSERT INTO audit (at_ns, user_id, patient, body) VALUES (?, ?, ?, ?)", Sql.stored("at", record.at()),
                record.user().value(), record.patient().map(p -> (Object) p.value()).orElse(null),
                Codec.encode(Codec.AUDIT, record));
    }

    @Override
    public List<AuditRecord> all() {
        return Sql.list(binding.reading().connection(), "reading the audit trail",
                "SELECT audit_key, body FROM audit ORDER BY sequence IS NULL, sequence, audit_key",
                row -> record(row.getLong(1), row.getBytes(2)));
    }

    @Override
    public ChainHead lockHead() {
        return Sql.one(binding.writing().connection(), "reading the audit chain head",
                "SELECT sequence, hash FROM chain_head WHERE id = 1",
                row -> new ChainHead(row.getLong(1), hash(row.getBytes(2), "the chain head")))
                .orElseThrow(() -> new AdapterException("vendor-sqlite: the audit chain head row is missing"));
    }

    @Override
    public List<UnsealedRecord> unsealed(int limit) {
        checkLimit(limit);
        return Sql.list(binding.reading().connection(), "reading unsealed audit records",
                "SELECT audit_key, body FROM audit WHERE sequence IS NULL ORDER BY audit_key LIMIT ?",
                row -> new UnsealedRecord(row.getLong(1), record(row.getLong(1), row.getBytes(2))), limit);
    }

    @Override
    public void seal(List<SealedRecord> sealed) {
        Connection c = binding.writing().connection();
        for (SealedRecord s : sealed) {
            ChainedEvent event = s.event();
            Optional<Optional<Long>> stored = Sql.one(c, "reading audit record " + s.key(),
                    "SELECT sequence FROM audit WHERE audit_key = ?", row -> {
                        long sequence = row.getLong(1);
                        return row.wasNull() ? Optional.<Long>empty() : Optional.of(sequence);
                    }, s.key());
            if (stored.isEmpty()) {
                throw new NotFoundException("audit record", Long.toString(s.key()));
            }
            if (stored.get().isPresent()) {
                throw new ConflictException("audit-record-sealed", "audit record " + s.key() + " is sealed already");
            }
            if (Sql.one(c, "checking audit sequence " + event.sequence(), "SELECT 1 FROM audit WHERE sequence = ?",
                    row -> true, event.sequence()).isPresent()) {
                throw new ConflictException("audit-chain-sequence-taken",
                        "audit chain sequence " + event.sequence() + " is sealed already");
            }
            Sql.update(c, "sealing audit record " + s.key(),
                    "UPDATE audit SET sequence = ?, previous_hash = ?, hash = ? WHERE audit_key = ?", event.sequence(),
                    event.previousHash().toBytes(), event.hash().toBytes(), s.key());
        }
        if (!sealed.isEmpty()) {
            ChainedEvent last = sealed.get(sealed.size() - 1).event();
            Sql.update(c, "moving the audit chain head", "UPDATE chain_head SET sequence = ?, hash = ? WHERE id = 1",
                    last.sequence(), last.hash().toBytes());
        }
    }

    @Override
    public List<ChainedEvent> chain(long fromSequence, int limit) {
        checkLimit(limit);
        return Sql.list(binding.reading().connection(), "reading the audit chain",
                EVENT + "WHERE sequence >= ? ORDER BY sequence LIMIT ?", SqliteAuditStore::event, fromSequence, limit);
    }

    /** Filters by period, patient and user in SQL, then by {@link AuditQuery#matches} for the rest. */
    @Override
    public List<ChainedEvent> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder(EVENT).append("WHERE sequence IS NOT NULL AND at_ns >= ? AND at_ns < ?");
        List<Object> parameters = new ArrayList<>(List.of(Sql.bound(query.from()), Sql.bound(query.to())));
        query.patient().ifPresent(p -> {
            sql.append(" AND patient = ?");
            parameters.add(p.value());
        });
        query.user().ifPresent(u -> {
            sql.append(" AND user_id = ?");
            parameters.add(u.value());
        });
        sql.append(" ORDER BY sequence");
        return Sql.list(binding.reading().connection(), "searching the audit trail", sql.toString(),
                SqliteAuditStore::event, parameters.toArray()).stream().filter(query::matches).toList();
    }

    @Override
    public void addCheckpoint(Checkpoint checkpoint) {
        Connection c = binding.writing().connection();
        if (Sql.one(c, "checking audit checkpoint " + checkpoint.index(), "SELECT 1 FROM checkpoint WHERE idx = ?",
                row -> true, checkpoint.index()).isPresent()) {
            throw new ConflictException("audit-checkpoint-index-taken",
                    "audit checkpoint " + checkpoint.index() + " is stored already");
        }
        Sql.update(c, "storing audit checkpoint " + checkpoint.index(),
                "INSERT INTO checkpoint (idx, sequence, head, previous, at_s, at_n, key_id, signature) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                checkpoint.index(), checkpoint.sequence(), checkpoint.head().toBytes(), checkpoint.previous().toBytes(),
                checkpoint.at().getEpochSecond(), checkpoint.at().getNano(), checkpoint.keyId().value(),
                checkpoint.signature());
    }

    @Override
    public List<Checkpoint> checkpoints(long fromIndex, int limit) {
        checkLimit(limit);
        return Sql.list(binding.reading().connection(), "reading audit checkpoints",
                CHECKPOINT + "WHERE idx >= ? ORDER BY idx LIMIT ?", SqliteAuditStore::checkpoint, fromIndex, limit);
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return Sql.one(binding.reading().connection(), "reading the latest audit checkpoint",
                CHECKPOINT + "ORDER BY idx DESC LIMIT 1", SqliteAuditStore::checkpoint);
    }

    @Override
    public long sinkMark(String sinkId) {
        return Sql.one(binding.reading().connection(), "reading the mark of audit sink " + sinkId,
                "SELECT sequence FROM sink_mark WHERE sink_id = ?", row -> row.getLong(1), sinkId).orElse(0L);
    }

    @Override
    public void setSinkMark(String sinkId, long sequence) {
        Sql.update(binding.writing().connection(), "storing the mark of audit sink " + sinkId,
                "INSERT INTO sink_mark (sink_id, sequence) VALUES (?, ?) "
                        + "ON CONFLICT (sink_id) DO UPDATE SET sequence = excluded.sequence", sinkId, sequence);
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    private static AuditRecord record(long key, byte[] body) {
        return SqliteScheduleStore.decode(Codec.READ_AUDIT, Long.toString(key), body, "audit");
    }

    private static ChainedEvent event(ResultSet row) throws SQLException {
        long key = row.getLong(1);
        AuditRecord record = record(key, row.getBytes(2));
        long sequence = row.getLong(3);
        String where = "audit row " + key;
        return new ChainedEvent(sequence, record, hash(row.getBytes(4), where), hash(row.getBytes(5), where));
    }

    private static Checkpoint checkpoint(ResultSet row) throws SQLException {
        long index = row.getLong(1);
        String where = "audit checkpoint " + index;
        try {
            return new Checkpoint(index, row.getLong(2), hash(row.getBytes(3), where), hash(row.getBytes(4), where),
                    Instant.ofEpochSecond(row.getLong(5), row.getInt(6)), KeyId.of(row.getString(7)), row.getBytes(8));
        } catch (CoordinatorException | NullPointerException | java.time.DateTimeException unreadable) {
            throw new AdapterException("vendor-sqlite: stored " + where + " does not decode", unreadable);
        }
    }

    private static ChainHash hash(byte[] bytes, String where) {
        if (bytes == null || bytes.length != ChainHash.BYTES) {
            throw new AdapterException("vendor-sqlite: stored hash of " + where + " is not " + ChainHash.BYTES + " bytes");
        }
        return ChainHash.of(bytes);
    }
}
