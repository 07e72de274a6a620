-- MedCoord storage schema, version 4, PostgreSQL 13+: consents and intake paperwork.
-- Same conventions as V1: instants as epoch nanoseconds (bigint, columns ending in _ns), nested
-- values in MedCoord's length-prefixed text encoding, identifiers in the "C" collation.

-- Host-defined document types (the well-known ones live in code). validity: ISO-8601 duration,
-- NULL when valid until revoked.
CREATE TABLE document_types (
    id       varchar(64) COLLATE "C" PRIMARY KEY,
    kind     varchar(32) NOT NULL,
    validity varchar(64)
);

-- The questions of a questionnaire or screening type: (linkId, answer type, required, repeats) items.
CREATE TABLE questionnaires (
    type_id varchar(64) COLLATE "C" PRIMARY KEY,
    items   text NOT NULL
);

-- The document types a service requires, in order; no row when it requires none.
CREATE TABLE document_requirements (
    service_id     varchar(64) COLLATE "C" PRIMARY KEY,
    document_types text NOT NULL
);

-- status: REQUESTED, SENT, COMPLETED or REVOKED (expiry follows from expires_ns and the clock).
CREATE TABLE patient_documents (
    id                varchar(64) COLLATE "C" PRIMARY KEY,
    patient_id        varchar(64) COLLATE "C" NOT NULL,
    type_id           varchar(64) COLLATE "C" NOT NULL,
    status            varchar(32) NOT NULL,
    requested_ns      bigint      NOT NULL,
    sent_ns           bigint,
    completed_ns      bigint,
    expires_ns        bigint,
    revoked_ns        bigint,
    revocation_reason varchar(64),
    version           bigint      NOT NULL
);
CREATE INDEX patient_documents_by_patient ON patient_documents (patient_id, requested_ns, id);

-- The answers of a completed questionnaire or screening (may hold free text: PHI at rest).
CREATE TABLE questionnaire_responses (
    document_id varchar(64) COLLATE "C" PRIMARY KEY,
    items       text NOT NULL
);
