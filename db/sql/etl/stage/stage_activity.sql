-- Staging table for one activity file.
CREATE TEMP TABLE stage_activity (
    activity_id text, kind text, held_on date, county_adcode text, school_code text, officers integer,
    vehicles integer, participants integer, materials integer, note text
) ON COMMIT DROP
