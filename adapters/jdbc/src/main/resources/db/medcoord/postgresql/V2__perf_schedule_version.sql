-- MedCoord storage schema, version 2, PostgreSQL: the version of the facility data.
--
-- Every write to resources, service_types, weekly_templates or unavailability through the adapter
-- sets schedule_version.version to the next value of schedule_versions in the same transaction.
-- Coordinators cache facility data and read only this row to know whether their copy is current,
-- on every node. Versions come from a sequence, so a rolled-back write never lets its version be
-- reused for other data.

CREATE SEQUENCE schedule_versions;

CREATE TABLE schedule_version (
    only_row boolean DEFAULT TRUE PRIMARY KEY CHECK (only_row),
    version  bigint  NOT NULL
);

INSERT INTO schedule_version (only_row, version) VALUES (TRUE, nextval('schedule_versions'));
