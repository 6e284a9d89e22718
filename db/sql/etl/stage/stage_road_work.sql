-- Staging table for one road-work file; geom (a WGS-84 MultiLineString as EWKB) may be empty.
CREATE TEMP TABLE stage_road_work (
    work_id text, road_id text, description text, started_on date, finished_on date, geom geometry,
    source_crs text
) ON COMMIT DROP
