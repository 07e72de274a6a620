-- MedCoord storage schema, version 3, PostgreSQL: the tamper-evident audit chain (issue 4).
--
-- Audited calls insert their record into audit_records as before (one insert in the call's own
-- transaction, now with the node that served it), so concurrent bookings never wait on a shared
-- chain row. The core's chain sealer later attaches each record's place in the hash chain
-- (chain_seq, prev_hash, hash) in a transaction of its own, holding the one row of
-- audit_chain_head FOR UPDATE so that one sealer works at a time across all nodes; a record whose
-- transaction commits after a pass read the unsealed rows is sealed by a later pass. Signed
-- checkpoints of the head go to audit_checkpoints; audit_sink_marks keeps each export sink's
-- high-water mark.

ALTER TABLE audit_records ADD COLUMN node_id varchar(64) COLLATE "C" NOT NULL DEFAULT 'node-1';
ALTER TABLE audit_records ADD COLUMN chain_seq bigint;
ALTER TABLE audit_records ADD COLUMN prev_hash bytea;
ALTER TABLE audit_records ADD COLUMN hash bytea;

CREATE UNIQUE INDEX audit_records_chain_seq ON audit_records (chain_seq);
-- The sealer's work list stays small however long the trail grows.
CREATE INDEX audit_records_unsealed ON audit_records (seq) WHERE chain_seq IS NULL;
CREATE INDEX audit_records_patient ON audit_records (patient_id, at_ns);
CREATE INDEX audit_records_user ON audit_records (user_id, at_ns);

CREATE TABLE audit_chain_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint  NOT NULL CHECK (seq >= 0),
    hash bytea   NOT NULL CHECK (octet_length(hash) = 32)
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

CREATE TABLE audit_checkpoints (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq       bigint NOT NULL CHECK (seq >= 0),
    head_hash bytea  NOT NULL,
    at_ns     bigint NOT NULL,
    key_id    varchar(64) COLLATE "C" NOT NULL,
    signature bytea  NOT NULL
);
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq, id);

CREATE TABLE audit_sink_marks (
    sink_id varchar(64) COLLATE "C" PRIMARY KEY,
    seq     bigint NOT NULL
);
