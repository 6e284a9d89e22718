-- Staging table for one county boundary file.
CREATE TEMP TABLE stage_county (adcode text, name_zh text, name_en text, geom geometry) ON COMMIT DROP
