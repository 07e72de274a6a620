-- MedCoord storage schema, version 4, H2 2.x: consents and intake paperwork.
-- Same conventions as V1: instants as epoch nanoseconds (BIGINT, columns ending in _ns), nested
-- values in MedCoord's length-prefixed text encoding.

-- Host-defined document types (the well-known ones live in code). validity: ISO-8601 duration,
-- NULL when valid until revoked.
CREATE TABLE document_types (
    id       VARCHAR(64) PRIMARY KEY,
    kind     VARCHAR(32) NOT NULL,
    validity VARCHAR(64)
);

-- The questions of a questionnaire or screening type: (linkId, answer type, required, repeats) items.
CREATE TABLE questionnaires (
    type_id VARCHAR(64) PRIMARY KEY,
    items   CHARACTER VARYING NOT NULL
);

-- The document types a service requires, in order; no row when it requires none.
CREATE TABLE document_requirements (
    service_id     VARCHAR(64) PRIMARY KEY,
    document_types CHARACTER VARYING NOT NULL
);

-- status: REQUESTED, SENT, COMPLETED or REVOKED (expiry follows from expires_ns and the clock).
CREATE TABLE patient_documents (
    id                VARCHAR(64) PRIMARY KEY,
    patient_id        VARCHAR(64) NOT NULL,
    type_id           VARCHAR(64) NOT NULL,
    status            VARCHAR(32) NOT NULL,
    requested_ns      BIGINT      NOT NULL,
    sent_ns           BIGINT,
    completed_ns      BIGINT,
    expires_ns        BIGINT,
    revoked_ns        BIGINT,
    revocation_reason VARCHAR(64),
    version           BIGINT      NOT NULL
);
CREATE INDEX patient_documents_by_patient ON patient_documents (patient_id, requested_ns, id);

-- The answers of a completed questionnaire or screening (may hold free text: PHI at rest).
CREATE TABLE questionnaire_responses (
    document_id VARCHAR(64) PRIMARY KEY,
    items       CHARACTER VARYING NOT NULL
);
