-- Staging table for one police-unit file.
CREATE TEMP TABLE stage_unit (
    unit_code text, name text, unit_type text, county_adcode text, address text,
    lon float8, lat float8, source_crs text
) ON COMMIT DROP
