-- Merge staged police units into police_unit; unchanged rows are left untouched.
INSERT INTO police_unit AS u (unit_code, name, unit_type, county_adcode, address, geom, source_crs, etl_run_id)
SELECT unit_code, name, unit_type, county_adcode, address, ST_SetSRID(ST_MakePoint(lon, lat), 4326),
       source_crs, :run_id
FROM stage_unit
ON CONFLICT (unit_code) DO UPDATE
SET name = EXCLUDED.name, unit_type = EXCLUDED.unit_type, county_adcode = EXCLUDED.county_adcode,
    address = EXCLUDED.address, geom = EXCLUDED.geom, source_crs = EXCLUDED.source_crs,
    etl_run_id = EXCLUDED.etl_run_id
WHERE (u.name, u.unit_type, u.county_adcode, u.address, ST_AsEWKB(u.geom), u.source_crs)
   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.unit_type, EXCLUDED.county_adcode, EXCLUDED.address,
                     ST_AsEWKB(EXCLUDED.geom), EXCLUDED.source_crs)
RETURNING (xmax = 0) AS inserted
