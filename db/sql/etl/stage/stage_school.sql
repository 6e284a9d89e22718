-- Staging table for one school file; dropped at the end of the load's transaction.
CREATE TEMP TABLE stage_school (
    school_code text, name text, school_type text, county_adcode text, township text, address text,
    pupils integer, staff integer, lon float8, lat float8, gate_lon float8, gate_lat float8,
    full_time_guard boolean, closed_management boolean, alarm_video_linked boolean, guard_post boolean,
    checked_on date, source_crs text
) ON COMMIT DROP
