-- Merge staged hazards into hazard; a row identical to the stored one is left untouched.
INSERT INTO hazard AS h (hazard_id, kind, category, description, school_code, county_adcode, found_on, status,
                         deadline, rectified_on, geom, source_crs, temporary_measure, etl_run_id)
SELECT hazard_id, kind, category, description, school_code, county_adcode, found_on, status, deadline,
       rectified_on, ST_SetSRID(ST_MakePoint(lon, lat), 4326), source_crs, temporary_measure, :run_id
FROM stage_hazard
ON CONFLICT (hazard_id) DO UPDATE
SET kind = EXCLUDED.kind, category = EXCLUDED.category, description = EXCLUDED.description,
    school_code = EXCLUDED.school_code, county_adcode = EXCLUDED.county_adcode, found_on = EXCLUDED.found_on,
    status = EXCLUDED.status, deadline = EXCLUDED.deadline, rectified_on = EXCLUDED.rectified_on,
    geom = EXCLUDED.geom, source_crs = EXCLUDED.source_crs, temporary_measure = EXCLUDED.temporary_measure,
    etl_run_id = EXCLUDED.etl_run_id
WHERE (h.kind, h.category, h.description, h.school_code, h.county_adcode, h.found_on, h.status, h.deadline,
       h.rectified_on, ST_AsEWKB(h.geom), h.source_crs, h.temporary_measure)
   IS DISTINCT FROM
      (EXCLUDED.kind, EXCLUDED.category, EXCLUDED.description, EXCLUDED.school_code, EXCLUDED.county_adcode,
       EXCLUDED.found_on, EXCLUDED.status, EXCLUDED.deadline, EXCLUDED.rectified_on, ST_AsEWKB(EXCLUDED.geom),
       EXCLUDED.source_crs, EXCLUDED.temporary_measure)
RETURNING (xmax = 0) AS inserted
