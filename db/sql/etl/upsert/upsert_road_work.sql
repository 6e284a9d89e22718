-- Merge staged road works into road_work; a row identical to the stored one is left untouched.
INSERT INTO road_work AS w (work_id, road_id, description, started_on, finished_on, geom, source_crs, etl_run_id)
SELECT work_id, road_id, description, started_on, finished_on, geom, source_crs, :run_id FROM stage_road_work
ON CONFLICT (work_id) DO UPDATE
SET road_id = EXCLUDED.road_id, description = EXCLUDED.description, started_on = EXCLUDED.started_on,
    finished_on = EXCLUDED.finished_on, geom = EXCLUDED.geom, source_crs = EXCLUDED.source_crs,
    etl_run_id = EXCLUDED.etl_run_id
WHERE (w.road_id, w.description, w.started_on, w.finished_on, ST_AsEWKB(w.geom), w.source_crs)
   IS DISTINCT FROM (EXCLUDED.road_id, EXCLUDED.description, EXCLUDED.started_on, EXCLUDED.finished_on,
                     ST_AsEWKB(EXCLUDED.geom), EXCLUDED.source_crs)
RETURNING (xmax = 0) AS inserted
