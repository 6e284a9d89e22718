-- Staging table for one road file; geom is a WGS-84 MultiLineString as EWKB.
CREATE TEMP TABLE stage_road (
    road_id text, name text, road_class text, county_adcode text, geom geometry, source_crs text
) ON COMMIT DROP
