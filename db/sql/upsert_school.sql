-- Merge staged schools into school; a row identical to the stored one is left untouched.
INSERT INTO school AS s (school_code, name, school_type, county_adcode, township, address, pupils, staff,
                         geom, gate_geom, full_time_guard, closed_management, alarm_video_linked,
                         guard_post, source_crs, etl_run_id)
SELECT school_code, name, school_type, county_adcode, township, address, pupils, staff,
       ST_SetSRID(ST_MakePoint(lon, lat), 4326), ST_SetSRID(ST_MakePoint(gate_lon, gate_lat), 4326),
       full_time_guard, closed_management, alarm_video_linked, guard_post, source_crs, :run_id
FROM stage_school
ON CONFLICT (school_code) DO UPDATE
SET name = EXCLUDED.name, school_type = EXCLUDED.school_type, county_adcode = EXCLUDED.county_adcode,
    township = EXCLUDED.township, address = EXCLUDED.address, pupils = EXCLUDED.pupils,
    staff = EXCLUDED.staff, geom = EXCLUDED.geom, gate_geom = EXCLUDED.gate_geom,
    full_time_guard = EXCLUDED.full_time_guard, closed_management = EXCLUDED.closed_management,
    alarm_video_linked = EXCLUDED.alarm_video_linked, guard_post = EXCLUDED.guard_post,
    source_crs = EXCLUDED.source_crs, etl_run_id = EXCLUDED.etl_run_id
WHERE (s.name, s.school_type, s.county_adcode, s.township, s.address, s.pupils, s.staff,
       ST_AsEWKB(s.geom), ST_AsEWKB(s.gate_geom), s.full_time_guard, s.closed_management,
       s.alarm_video_linked, s.guard_post, s.source_crs)
   IS DISTINCT FROM
      (EXCLUDED.name, EXCLUDED.school_type, EXCLUDED.county_adcode, EXCLUDED.township, EXCLUDED.address,
       EXCLUDED.pupils, EXCLUDED.staff, ST_AsEWKB(EXCLUDED.geom), ST_AsEWKB(EXCLUDED.gate_geom),
       EXCLUDED.full_time_guard, EXCLUDED.closed_management, EXCLUDED.alarm_video_linked,
       EXCLUDED.guard_post, EXCLUDED.source_crs)
RETURNING (xmax = 0) AS inserted
