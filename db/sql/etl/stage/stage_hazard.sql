-- Staging table for one hazard file.
CREATE TEMP TABLE stage_hazard (
    hazard_id text, kind text, category text, description text, school_code text, county_adcode text,
    found_on date, status text, deadline date, rectified_on date, lon float8, lat float8, source_crs text,
    temporary_measure text
) ON COMMIT DROP
