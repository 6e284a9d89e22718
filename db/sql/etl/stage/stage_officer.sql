-- Staging table for one officer file; dropped at the end of the load's transaction.
CREATE TEMP TABLE stage_officer (badge_no text, name text, unit_code text, rank text, phone text) ON COMMIT DROP
