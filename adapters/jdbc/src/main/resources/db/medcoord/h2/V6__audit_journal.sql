-- MedCoord storage schema, version 6, H2: an append-only journal in front of the audit chain.
--
-- An audited call inserts its record into audit_journal, a table with its key as its only index,
-- so that the call's commit changes one B-tree for the audit instead of four. The chain sealer
-- moves journal rows, in journal order, into audit_records with their place in the chain, many
-- per transaction, where the indexes for the compliance queries are kept up to date in bulk.
-- Unsealed rows of audit_records written before this version move to the journal, in order.

CREATE TABLE audit_journal (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_ns        BIGINT      NOT NULL,
    user_id      VARCHAR(64) NOT NULL,
    on_behalf_of VARCHAR(64),
    facility_id  VARCHAR(64) NOT NULL,
    node_id      VARCHAR(64) NOT NULL,
    purpose      VARCHAR(32) NOT NULL,
    action       CHARACTER VARYING NOT NULL,
    entities     CHARACTER VARYING NOT NULL,
    patient_id   VARCHAR(64),
    outcome      VARCHAR(16) NOT NULL,
    detail_code  CHARACTER VARYING NOT NULL
);

INSERT INTO audit_journal (at_ns, user_id, on_behalf_of, facility_id, node_id, purpose, action, entities, patient_id,
                           outcome, detail_code)
SELECT at_ns, user_id, on_behalf_of, facility_id, node_id, purpose, action, entities, patient_id, outcome, detail_code
FROM audit_records WHERE chain_seq IS NULL ORDER BY seq;
DELETE FROM audit_records WHERE chain_seq IS NULL;
