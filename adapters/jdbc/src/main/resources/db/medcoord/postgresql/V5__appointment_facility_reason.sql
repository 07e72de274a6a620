-- The facility that owns an appointment (the booking user's facility; facility scoping reads it)
-- and the clinical reason for the visit (text and diagnosis codes, in the adapter's list encoding).
-- Rows written before this migration belong to no known facility.
ALTER TABLE appointments ADD COLUMN facility varchar(64) COLLATE "C" NOT NULL DEFAULT 'unassigned';
ALTER TABLE appointments ADD COLUMN reason text;
