-- MedCoord storage schema, version 7, PostgreSQL: a cheaper write path for bookings (issue 3).
--
-- claims_no_overlap compares the nanosecond columns themselves, as int8range(start_ns, end_ns),
-- instead of a stored tstzrange computed from them with floating-point arithmetic: one generated
-- column less per claim, and the comparison is exact for every instant, not only to the
-- microsecond within the years 2000-2100. The guarantee is unchanged: two claims with
-- exclusive = true on one resource never overlap, whichever node writes them, and claims that only
-- touch ([a, b) and [b, c)) never conflict. Exclusive claims that overlap by less than a microsecond
-- were let through before and are refused now; bookings claim from five-minute boundaries, so such
-- rows come only from sub-microsecond durations or writes by hand, and if any exist this migration
-- fails on them rather than change them.
--
-- Foreign keys dropped, each checked by the adapter instead:
--   claims.resource_id -> resources: the adapter writes a claim only for a resource it has just
--     read (the guarded insert joins resources, the other path reads the resource's capacity and
--     refuses an unknown one), and it never deletes resources. The key made every claim lock its
--     resource row FOR KEY SHARE: on one busy resource, concurrent bookings shared that row lock
--     as a MultiXact, one more write per booking.
--   appointment_resources.appointment_id -> appointments: the adapter writes an appointment and
--     its resource rows in one statement, and never deletes appointments.
-- A resource or appointment row deleted by hand now leaves its claims or resource rows behind
-- instead of being refused.
--
-- appointment_resources is keyed by (appointment_id, resource_id): the key also serves the
-- adapter's lookups by appointment, so the separate index for them goes.

ALTER TABLE claims DROP CONSTRAINT claims_no_overlap;
ALTER TABLE claims DROP COLUMN period;
ALTER TABLE claims ADD CONSTRAINT claims_no_overlap
    EXCLUDE USING gist (resource_id WITH =, int8range(start_ns, end_ns) WITH &&) WHERE (exclusive);
ALTER TABLE claims DROP CONSTRAINT claims_resource_id_fkey;

ALTER TABLE appointment_resources DROP CONSTRAINT appointment_resources_appointment_id_fkey;
ALTER TABLE appointment_resources DROP CONSTRAINT appointment_resources_pkey;
ALTER TABLE appointment_resources ADD CONSTRAINT appointment_resources_pkey PRIMARY KEY (appointment_id, resource_id);
DROP INDEX appointment_resources_by_appointment;

-- Claims by resource and time: each claim is in exactly one of two partial indexes. Exclusive
-- claims are in the exclusion constraint's GiST index, which finds the claims overlapping a period
-- directly; the others (on shared resources, over capacity, expired holds) in
-- claims_shared_by_resource_end. claims_by_resource_end goes: a (resource_id, end_ns) range reads
-- every claim of the resource ending after the period starts, however far ahead it lies.
CREATE INDEX claims_shared_by_resource_end ON claims (resource_id, end_ns) WHERE NOT exclusive;
DROP INDEX claims_by_resource_end;
