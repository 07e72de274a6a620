-- MedCoord storage schema, version 1, H2 2.x (embedded file).
--
-- The same tables as the PostgreSQL schema, without the exclusion constraint: H2 has none, so the
-- adapter locks every claimed resource row (in sorted order) before checking capacity. Instants are
-- epoch nanoseconds (BIGINT, columns ending in _ns); nested values are in MedCoord's length-prefixed
-- text encoding. H2 compares strings as Java does, so ORDER BY id matches Java's String order.

CREATE TABLE resources (
    id           VARCHAR(64) PRIMARY KEY,
    kind         VARCHAR(32) NOT NULL,
    display_name CHARACTER VARYING NOT NULL,
    zone         CHARACTER VARYING NOT NULL,
    capacity     INTEGER     NOT NULL CHECK (capacity >= 1),
    tags         CHARACTER VARYING NOT NULL,
    site         CHARACTER VARYING NOT NULL
);

CREATE TABLE service_types (
    id              VARCHAR(64) PRIMARY KEY,
    display_name    CHARACTER VARYING NOT NULL,
    duration        VARCHAR(64) NOT NULL,
    requirements    CHARACTER VARYING NOT NULL,
    buffer_before   VARCHAR(64) NOT NULL,
    buffer_after    VARCHAR(64) NOT NULL,
    minimum_notice  VARCHAR(64) NOT NULL,
    maximum_horizon VARCHAR(64) NOT NULL,
    slot_step       VARCHAR(64) NOT NULL
);

CREATE TABLE weekly_templates (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id     VARCHAR(64) NOT NULL,
    effective_from  DATE NOT NULL,
    effective_until DATE,
    hours           CHARACTER VARYING NOT NULL
);
CREATE INDEX weekly_templates_by_resource ON weekly_templates (resource_id, seq);

CREATE TABLE unavailability (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id VARCHAR(64) NOT NULL,
    start_ns    BIGINT      NOT NULL,
    end_ns      BIGINT      NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    reason_code CHARACTER VARYING NOT NULL
);
CREATE INDEX unavailability_by_resource_end ON unavailability (resource_id, end_ns);

CREATE TABLE appointments (
    id         VARCHAR(64) PRIMARY KEY,
    patient_id VARCHAR(64) NOT NULL,
    service_id VARCHAR(64) NOT NULL,
    start_ns   BIGINT      NOT NULL,
    end_ns     BIGINT      NOT NULL,
    status     VARCHAR(32) NOT NULL,
    series_id  VARCHAR(64),
    overbooked BOOLEAN     NOT NULL,
    roles      CHARACTER VARYING NOT NULL,
    history    CHARACTER VARYING NOT NULL,
    version    BIGINT      NOT NULL
);
CREATE INDEX appointments_by_patient_end ON appointments (patient_id, end_ns);

CREATE TABLE appointment_resources (
    resource_id    VARCHAR(64) NOT NULL,
    appointment_id VARCHAR(64) NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    start_ns       BIGINT NOT NULL,
    end_ns         BIGINT NOT NULL,
    PRIMARY KEY (resource_id, appointment_id)
);
CREATE INDEX appointment_resources_by_resource_end ON appointment_resources (resource_id, end_ns);
CREATE INDEX appointment_resources_by_appointment ON appointment_resources (appointment_id);

CREATE TABLE claims (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id   VARCHAR(64) NOT NULL REFERENCES resources (id),
    start_ns      BIGINT      NOT NULL,
    end_ns        BIGINT      NOT NULL,
    owner         VARCHAR(80) NOT NULL,
    expires_ns    BIGINT,
    over_capacity BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT claims_end_after_start CHECK (end_ns > start_ns)
);
CREATE INDEX claims_by_resource_end ON claims (resource_id, end_ns);
CREATE INDEX claims_by_owner ON claims (owner);

CREATE TABLE holds (
    id         VARCHAR(64) PRIMARY KEY,
    patient_id VARCHAR(64) NOT NULL,
    service_id VARCHAR(64) NOT NULL,
    start_ns   BIGINT NOT NULL,
    end_ns     BIGINT NOT NULL,
    roles      CHARACTER VARYING NOT NULL,
    expires_ns BIGINT NOT NULL
);

CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(64) PRIMARY KEY,
    fingerprint     CHARACTER VARYING NOT NULL,
    result_id       CHARACTER VARYING NOT NULL,
    created_ns      BIGINT NOT NULL
);

CREATE TABLE waitlist_entries (
    id              VARCHAR(64) PRIMARY KEY,
    patient_id      VARCHAR(64),
    service_id      VARCHAR(64) NOT NULL,
    window_start_ns BIGINT,
    window_end_ns   BIGINT,
    priority        INTEGER     NOT NULL,
    preferences     CHARACTER VARYING,
    status          VARCHAR(32) NOT NULL,
    created_ns      BIGINT      NOT NULL,
    offer           CHARACTER VARYING,
    appointment_id  VARCHAR(64)
);
CREATE INDEX waitlist_entries_open ON waitlist_entries (service_id, status, priority DESC, created_ns, id);

CREATE TABLE outbox (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        CHARACTER VARYING NOT NULL,
    event_type      CHARACTER VARYING NOT NULL,
    aggregate_id    CHARACTER VARYING NOT NULL,
    payload         CHARACTER VARYING NOT NULL,
    occurred_ns     BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_ns BIGINT  NOT NULL,
    last_error      CHARACTER VARYING,
    state           CHAR(1) NOT NULL DEFAULT 'P' CHECK (state IN ('P', 'X', 'D')),
    CONSTRAINT outbox_event_id_unique UNIQUE (event_id)
);
CREATE INDEX outbox_by_state ON outbox (state, seq);

CREATE TABLE audit_records (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_ns        BIGINT      NOT NULL,
    user_id      VARCHAR(64) NOT NULL,
    on_behalf_of VARCHAR(64),
    facility_id  VARCHAR(64) NOT NULL,
    purpose      VARCHAR(32) NOT NULL,
    action       CHARACTER VARYING NOT NULL,
    entities     CHARACTER VARYING NOT NULL,
    patient_id   VARCHAR(64),
    outcome      VARCHAR(16) NOT NULL,
    detail_code  CHARACTER VARYING NOT NULL
);
