-- MedCoord storage schema, version 1, PostgreSQL 13+.
--
-- Instants are stored as epoch nanoseconds (bigint, columns ending in _ns): every java.time.Instant
-- MedCoord produces round-trips exactly, which timestamptz (microseconds) would not guarantee.
-- Readable form: to_timestamp(start_ns / 1e9). Nested values (role lists, status histories, tags,
-- preferences) are kept in text columns in MedCoord's own length-prefixed encoding.
-- Identifier columns use the "C" collation so that ORDER BY id matches Java's String order.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE resources (
    id           varchar(64) COLLATE "C" PRIMARY KEY,
    kind         varchar(32) NOT NULL,
    display_name text        NOT NULL,
    zone         text        NOT NULL,
    capacity     integer     NOT NULL CHECK (capacity >= 1),
    tags         text        NOT NULL,
    site         text        NOT NULL
);

CREATE TABLE service_types (
    id              varchar(64) COLLATE "C" PRIMARY KEY,
    display_name    text        NOT NULL,
    duration        varchar(64) NOT NULL,
    requirements    text        NOT NULL,
    buffer_before   varchar(64) NOT NULL,
    buffer_after    varchar(64) NOT NULL,
    minimum_notice  varchar(64) NOT NULL,
    maximum_horizon varchar(64) NOT NULL,
    slot_step       varchar(64) NOT NULL
);

CREATE TABLE weekly_templates (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id     varchar(64) COLLATE "C" NOT NULL,
    effective_from  date NOT NULL,
    effective_until date,
    hours           text NOT NULL
);
CREATE INDEX weekly_templates_by_resource ON weekly_templates (resource_id, seq);

CREATE TABLE unavailability (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id varchar(64) COLLATE "C" NOT NULL,
    start_ns    bigint      NOT NULL,
    end_ns      bigint      NOT NULL,
    kind        varchar(32) NOT NULL,
    reason_code text        NOT NULL
);
CREATE INDEX unavailability_by_resource_end ON unavailability (resource_id, end_ns);

CREATE TABLE appointments (
    id         varchar(64) COLLATE "C" PRIMARY KEY,
    patient_id varchar(64) COLLATE "C" NOT NULL,
    service_id varchar(64) COLLATE "C" NOT NULL,
    start_ns   bigint      NOT NULL,
    end_ns     bigint      NOT NULL,
    status     varchar(32) NOT NULL,
    series_id  varchar(64) COLLATE "C",
    overbooked boolean     NOT NULL,
    roles      text        NOT NULL,
    history    text        NOT NULL,
    version    bigint      NOT NULL
);
CREATE INDEX appointments_by_patient_end ON appointments (patient_id, end_ns);

-- One row per distinct resource of an appointment, any status, for appointments-by-resource.
CREATE TABLE appointment_resources (
    resource_id    varchar(64) COLLATE "C" NOT NULL,
    appointment_id varchar(64) COLLATE "C" NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    start_ns       bigint NOT NULL,
    end_ns         bigint NOT NULL,
    PRIMARY KEY (resource_id, appointment_id)
);
CREATE INDEX appointment_resources_by_resource_end ON appointment_resources (resource_id, end_ns);
CREATE INDEX appointment_resources_by_appointment ON appointment_resources (appointment_id);

-- Time claimed on resources. No double booking is enforced here, not only by the application:
-- two claims with exclusive = true on one resource can never overlap, whichever node writes them.
-- The adapter sets exclusive for claims on capacity-1 resources that are not over capacity and are
-- active when made; it clears it on expired hold claims before claiming their time. Rows inserted
-- by anything else are exclusive unless they say otherwise. Capacity above 1 is enforced by the
-- adapter under row locks on resources. period is derived from the nanosecond columns (truncated to
-- microseconds: exact within the years 2000-2100, monotonic everywhere, so touching claims never
-- conflict).
CREATE TABLE claims (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id   varchar(64) COLLATE "C" NOT NULL REFERENCES resources (id),
    start_ns      bigint      NOT NULL,
    end_ns        bigint      NOT NULL,
    owner         varchar(80) COLLATE "C" NOT NULL,
    expires_ns    bigint,
    over_capacity boolean     NOT NULL DEFAULT FALSE,
    exclusive     boolean     NOT NULL DEFAULT TRUE,
    period        tstzrange GENERATED ALWAYS AS (tstzrange(
                      to_timestamp((start_ns / 1000)::float8 / 1000000),
                      to_timestamp((end_ns / 1000)::float8 / 1000000), '[)')) STORED,
    CONSTRAINT claims_end_after_start CHECK (end_ns > start_ns),
    CONSTRAINT claims_no_overlap EXCLUDE USING gist (resource_id WITH =, period WITH &&) WHERE (exclusive)
);
CREATE INDEX claims_by_resource_end ON claims (resource_id, end_ns);
CREATE INDEX claims_by_owner ON claims (owner);

CREATE TABLE holds (
    id         varchar(64) COLLATE "C" PRIMARY KEY,
    patient_id varchar(64) COLLATE "C" NOT NULL,
    service_id varchar(64) COLLATE "C" NOT NULL,
    start_ns   bigint NOT NULL,
    end_ns     bigint NOT NULL,
    roles      text   NOT NULL,
    expires_ns bigint NOT NULL
);

CREATE TABLE idempotency_keys (
    idempotency_key varchar(64) COLLATE "C" PRIMARY KEY,
    fingerprint     text   NOT NULL,
    result_id       text   NOT NULL,
    created_ns      bigint NOT NULL
);

CREATE TABLE waitlist_entries (
    id              varchar(64) COLLATE "C" PRIMARY KEY,
    patient_id      varchar(64) COLLATE "C",
    service_id      varchar(64) COLLATE "C" NOT NULL,
    window_start_ns bigint,
    window_end_ns   bigint,
    priority        integer     NOT NULL,
    preferences     text,
    status          varchar(32) NOT NULL,
    created_ns      bigint      NOT NULL,
    offer           text,
    appointment_id  varchar(64) COLLATE "C"
);
CREATE INDEX waitlist_entries_open ON waitlist_entries (service_id, status, priority DESC, created_ns, id);

-- state: P pending, X parked, D delivered. Delivered rows stay, so an event id is never reused.
CREATE TABLE outbox (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        text    NOT NULL,
    event_type      text    NOT NULL,
    aggregate_id    text    NOT NULL,
    payload         text    NOT NULL,
    occurred_ns     bigint  NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_ns bigint  NOT NULL,
    last_error      text,
    state           char(1) NOT NULL DEFAULT 'P' CHECK (state IN ('P', 'X', 'D')),
    CONSTRAINT outbox_event_id_unique UNIQUE (event_id)
);
CREATE INDEX outbox_by_state ON outbox (state, seq);

CREATE TABLE audit_records (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_ns        bigint      NOT NULL,
    user_id      varchar(64) COLLATE "C" NOT NULL,
    on_behalf_of varchar(64) COLLATE "C",
    facility_id  varchar(64) COLLATE "C" NOT NULL,
    purpose      varchar(32) NOT NULL,
    action       text        NOT NULL,
    entities     text        NOT NULL,
    patient_id   varchar(64) COLLATE "C",
    outcome      varchar(16) NOT NULL,
    detail_code  text        NOT NULL
);
