-- MedCoord storage schema, version 8, H2: audit checkpoints form a chain of their own.
--
-- Each checkpoint now carries its index in the chain of checkpoints and the digest of the one
-- before it, and its signature covers both, so a deleted, replaced or reordered checkpoint is
-- found. Checkpoints of earlier versions signed neither and cannot be verified under the new
-- format: they are removed. The first verification after the upgrade checks the whole chain of
-- events and, when nothing is wrong, signs a new first checkpoint of the head.

DELETE FROM audit_checkpoints;
DROP INDEX audit_checkpoints_seq;
ALTER TABLE audit_checkpoints ADD COLUMN idx BIGINT NOT NULL CHECK (idx >= 1);
ALTER TABLE audit_checkpoints ADD COLUMN prev_digest BINARY VARYING(32) NOT NULL;
CREATE UNIQUE INDEX audit_checkpoints_idx ON audit_checkpoints (idx);
