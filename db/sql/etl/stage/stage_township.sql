-- Staging table for one township file.
CREATE TEMP TABLE stage_township (county_adcode text, name text, lon float8, lat float8) ON COMMIT DROP
