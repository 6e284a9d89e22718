-- Merge staged roads into road; a row identical to the stored one is left untouched.
INSERT INTO road AS r (road_id, name, road_class, county_adcode, geom, source_crs, etl_run_id)
SELECT road_id, name, road_class, county_adcode, geom, source_crs, :run_id FROM stage_road
ON CONFLICT (road_id) DO UPDATE
SET name = EXCLUDED.name, road_class = EXCLUDED.road_class, county_adcode = EXCLUDED.county_adcode,
    geom = EXCLUDED.geom, source_crs = EXCLUDED.source_crs, etl_run_id = EXCLUDED.etl_run_id
WHERE (r.name, r.road_class, r.county_adcode, ST_AsEWKB(r.geom), r.source_crs)
   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.road_class, EXCLUDED.county_adcode, ST_AsEWKB(EXCLUDED.geom),
                     EXCLUDED.source_crs)
RETURNING (xmax = 0) AS inserted
