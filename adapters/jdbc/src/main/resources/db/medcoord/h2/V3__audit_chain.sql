-- MedCoord storage schema, version 3, H2: the tamper-evident audit chain (issue 4).
--
-- Audited calls insert their record into audit_records as before (one insert in the call's own
-- transaction, now with the node that served it). The core's chain sealer later attaches each
-- record's place in the hash chain (chain_seq, prev_hash, hash) in a transaction of its own,
-- holding the one row of audit_chain_head FOR UPDATE so that one sealer works at a time.
-- Records sealed before are never changed again; signed checkpoints of the head go to
-- audit_checkpoints; audit_sink_marks keeps each export sink's high-water mark.

ALTER TABLE audit_records ADD COLUMN node_id VARCHAR(64) NOT NULL DEFAULT 'node-1';
ALTER TABLE audit_records ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_records ADD COLUMN prev_hash BINARY VARYING(32);
ALTER TABLE audit_records ADD COLUMN hash BINARY VARYING(32);

-- Unique where set; H2 lets any number of rows keep NULL (unsealed).
CREATE UNIQUE INDEX audit_records_chain_seq ON audit_records (chain_seq);
CREATE INDEX audit_records_patient ON audit_records (patient_id, at_ns);
CREATE INDEX audit_records_user ON audit_records (user_id, at_ns);

CREATE TABLE audit_chain_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT  NOT NULL CHECK (seq >= 0),
    hash BINARY VARYING(32) NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, X'0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_checkpoints (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq       BIGINT NOT NULL CHECK (seq >= 0),
    head_hash BINARY VARYING(32) NOT NULL,
    at_ns     BIGINT NOT NULL,
    key_id    VARCHAR(64) NOT NULL,
    signature BINARY VARYING(1024) NOT NULL
);
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq, id);

CREATE TABLE audit_sink_marks (
    sink_id VARCHAR(64) PRIMARY KEY,
    seq     BIGINT NOT NULL
);
