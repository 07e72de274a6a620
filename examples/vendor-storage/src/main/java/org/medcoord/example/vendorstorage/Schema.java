package org.medcoord.example.vendorstorage;

import java.util.List;

/**
 * The tables, created when a file is opened for the first time. Instants that queries compare are
 * columns of nanoseconds since the epoch ({@link Sql#stored}); records kept whole are BLOBs in the
 * {@link Codec} form. Every table a store appends to in order has an {@code INTEGER PRIMARY KEY
 * AUTOINCREMENT}, so append order survives deletes.
 */
final class Schema {
    /** The schema this code writes; a file with another is refused rather than misread. */
    static final long VERSION = 1;

    static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",

            "CREATE TABLE IF NOT EXISTS resource (id TEXT PRIMARY KEY, capacity INTEGER NOT NULL, body BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS service (id TEXT PRIMARY KEY, body BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS template (seq INTEGER PRIMARY KEY AUTOINCREMENT, resource TEXT NOT NULL, "
                    + "body BLOB NOT NULL)",
            "CREATE INDEX IF NOT EXISTS template_by_resource ON template (resource, seq)",
            "CREATE TABLE IF NOT EXISTS unavailability (seq INTEGER PRIMARY KEY AUTOINCREMENT, resource TEXT NOT NULL, "
                    + "start_ns INTEGER NOT NULL, end_ns INTEGER NOT NULL, kind TEXT NOT NULL, reason_code TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS unavailability_by_resource ON unavailability (resource, start_ns)",

            "CREATE TABLE IF NOT EXISTS appointment (id TEXT PRIMARY KEY, patient TEXT NOT NULL, "
                    + "start_ns INTEGER NOT NULL, end_ns INTEGER NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL)",
            "CREATE INDEX IF NOT EXISTS appointment_by_patient ON appointment (patient, start_ns)",
            "CREATE TABLE IF NOT EXISTS appointment_resource (appointment TEXT NOT NULL, resource TEXT NOT NULL, "
                    + "PRIMARY KEY (resource, appointment)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS claim (seq INTEGER PRIMARY KEY AUTOINCREMENT, resource TEXT NOT NULL, "
                    + "start_ns INTEGER NOT NULL, end_ns INTEGER NOT NULL, owner TEXT NOT NULL, expires_ns INTEGER, "
                    + "over_capacity INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS claim_by_resource ON claim (resource, start_ns)",
            "CREATE INDEX IF NOT EXISTS claim_by_owner ON claim (owner)",
            "CREATE TABLE IF NOT EXISTS hold (id TEXT PRIMARY KEY, body BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS idempotency (idempotency_key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, "
                    + "result_id TEXT NOT NULL, created_s INTEGER NOT NULL, created_n INTEGER NOT NULL)",

            "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, "
                    + "type TEXT NOT NULL, aggregate_id TEXT NOT NULL, payload TEXT NOT NULL, occurred_ns INTEGER NOT NULL, "
                    + "attempts INTEGER NOT NULL, next_attempt_ns INTEGER NOT NULL, last_error TEXT, "
                    + "state TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS outbox_by_state ON outbox (state, seq)",

            "CREATE TABLE IF NOT EXISTS audit (audit_key INTEGER PRIMARY KEY AUTOINCREMENT, at_ns INTEGER NOT NULL, "
                    + "user_id TEXT NOT NULL, patient TEXT, body BLOB NOT NULL, sequence INTEGER UNIQUE, "
                    + "previous_hash BLOB, hash BLOB)",
            "CREATE INDEX IF NOT EXISTS audit_by_patient ON audit (patient, sequence)",
            "CREATE TABLE IF NOT EXISTS checkpoint (idx INTEGER PRIMARY KEY, sequence INTEGER NOT NULL, "
                    + "head BLOB NOT NULL, previous BLOB NOT NULL, at_s INTEGER NOT NULL, at_n INTEGER NOT NULL, "
                    + "key_id TEXT NOT NULL, signature BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL, "
                    + "hash BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS sink_mark (sink_id TEXT PRIMARY KEY, sequence INTEGER NOT NULL)",

            "INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', " + VERSION + ")",
            "INSERT OR IGNORE INTO meta (name, value) VALUES ('incarnation', 0)",
            "INSERT OR IGNORE INTO meta (name, value) VALUES ('schedule_version', 0)",
            "INSERT OR IGNORE INTO chain_head (id, sequence, hash) VALUES (1, 0, zeroblob(32))");

    private Schema() {
    }
}
