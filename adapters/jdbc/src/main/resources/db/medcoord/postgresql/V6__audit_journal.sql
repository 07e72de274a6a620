-- MedCoord storage schema, version 6, PostgreSQL: an append-only journal in front of the audit
-- chain.
--
-- An audited call inserts its record into audit_journal, a table with its key as its only index,
-- so that the call's commit maintains one index for the audit instead of four. The chain sealer
-- moves journal rows, in journal order, into audit_records with their place in the chain, many
-- per transaction, where the indexes for the compliance queries are kept up to date in bulk.
-- Unsealed rows of audit_records written before this version move to the journal, in order.

CREATE TABLE audit_journal (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_ns        bigint      NOT NULL,
    user_id      varchar(64) COLLATE "C" NOT NULL,
    on_behalf_of varchar(64) COLLATE "C",
    facility_id  varchar(64) COLLATE "C" NOT NULL,
    node_id      varchar(64) COLLATE "C" NOT NULL,
    purpose      varchar(32) NOT NULL,
    action       text        NOT NULL,
    entities     text        NOT NULL,
    patient_id   varchar(64) COLLATE "C",
    outcome      varchar(16) NOT NULL,
    detail_code  text        NOT NULL
);

INSERT INTO audit_journal (at_ns, user_id, on_behalf_of, facility_id, node_id, purpose, action, entities, patient_id,
                           outcome, detail_code)
SELECT at_ns, user_id, on_behalf_of, facility_id, node_id, purpose, action, entities, patient_id, outcome, detail_code
FROM audit_records WHERE chain_seq IS NULL ORDER BY seq;
DELETE FROM audit_records WHERE chain_seq IS NULL;
