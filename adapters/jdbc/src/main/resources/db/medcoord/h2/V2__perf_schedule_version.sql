-- MedCoord storage schema, version 2, H2: the version of the facility data.
--
-- Every write to resources, service_types, weekly_templates or unavailability through the adapter
-- sets schedule_version.version to the next value of schedule_versions in the same transaction.
-- Coordinators cache facility data and read only this row to know whether their copy is current.
-- Versions come from a sequence without a cache, so neither a rolled-back write nor a crash lets a
-- version be reused for other data.

CREATE SEQUENCE schedule_versions NO CACHE;

CREATE TABLE schedule_version (
    only_row BOOLEAN DEFAULT TRUE PRIMARY KEY CHECK (only_row),
    version  BIGINT  NOT NULL
);

INSERT INTO schedule_version (only_row, version) VALUES (TRUE, NEXT VALUE FOR schedule_versions);
