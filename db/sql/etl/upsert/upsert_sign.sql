-- Merge staged sign observations into traffic_sign, keyed by (sign_code, surveyed_on);
-- unchanged rows are left untouched.
INSERT INTO traffic_sign AS t (sign_code, kind, status, surveyed_on, road_id, geom, source_crs, etl_run_id)
SELECT sign_code, kind, status, surveyed_on, road_id, ST_SetSRID(ST_MakePoint(lon, lat), 4326), source_crs,
       :run_id
FROM stage_sign
ON CONFLICT (sign_code, surveyed_on) DO UPDATE
SET kind = EXCLUDED.kind, status = EXCLUDED.status, road_id = EXCLUDED.road_id, geom = EXCLUDED.geom,
    source_crs = EXCLUDED.source_crs, etl_run_id = EXCLUDED.etl_run_id
WHERE (t.kind, t.status, t.road_id, ST_AsEWKB(t.geom), t.source_crs)
   IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.status, EXCLUDED.road_id, ST_AsEWKB(EXCLUDED.geom),
                     EXCLUDED.source_crs)
RETURNING (xmax = 0) AS inserted
