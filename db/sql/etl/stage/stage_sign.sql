-- Staging table for one traffic-sign survey file.
CREATE TEMP TABLE stage_sign (
    sign_code text, kind text, status text, surveyed_on date, road_id text, lon float8, lat float8,
    source_crs text
) ON COMMIT DROP
