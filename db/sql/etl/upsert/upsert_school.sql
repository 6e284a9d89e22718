-- Merge staged schools into school and their four-100% flags into school_four100 (the dated history), in one
-- statement. A check is written where its flags differ from the school's state on its date (the latest row on
-- or before it; a row of that very date is corrected); the same flags on a later date add nothing. A school
-- row identical to the stored one is left untouched; its flags are those of its latest check, and a file that
-- gives none of the four leaves flags and history as they were. One row per school inserted, updated or checked.
WITH staged AS (
    SELECT st.*, COALESCE(last.checked_on > st.checked_on, false) AS later,
           last.full_time_guard AS last_guard, last.closed_management AS last_closed,
           last.alarm_video_linked AS last_alarm, last.guard_post AS last_post,
           cur.full_time_guard AS cur_guard, cur.closed_management AS cur_closed,
           cur.alarm_video_linked AS cur_alarm, cur.guard_post AS cur_post
    FROM (SELECT *, num_nonnulls(full_time_guard, closed_management, alarm_video_linked, guard_post) > 0
                        AS has_flags
          FROM stage_school) st
    LEFT JOIN school cur ON cur.school_code = st.school_code
    LEFT JOIN LATERAL (SELECT l.* FROM school_four100 l WHERE l.school_code = st.school_code
                       ORDER BY l.checked_on DESC LIMIT 1) last ON true
), checked AS (
    INSERT INTO school_four100 AS h (school_code, checked_on, full_time_guard, closed_management,
                                     alarm_video_linked, guard_post, etl_run_id)
    SELECT st.school_code, st.checked_on, st.full_time_guard, st.closed_management, st.alarm_video_linked,
           st.guard_post, :run_id
    FROM staged st
    LEFT JOIN LATERAL (SELECT p.* FROM school_four100 p WHERE p.school_code = st.school_code
                       AND p.checked_on <= st.checked_on ORDER BY p.checked_on DESC LIMIT 1) prev ON true
    WHERE st.has_flags
      AND (prev.school_code IS NULL
           OR (prev.full_time_guard, prev.closed_management, prev.alarm_video_linked, prev.guard_post)
              IS DISTINCT FROM (st.full_time_guard, st.closed_management, st.alarm_video_linked, st.guard_post))
    ON CONFLICT (school_code, checked_on) DO UPDATE
    SET full_time_guard = EXCLUDED.full_time_guard, closed_management = EXCLUDED.closed_management,
        alarm_video_linked = EXCLUDED.alarm_video_linked, guard_post = EXCLUDED.guard_post,
        etl_run_id = EXCLUDED.etl_run_id
    RETURNING h.school_code
), merged AS (
    INSERT INTO school AS s (school_code, name, school_type, county_adcode, township, address, pupils, staff,
                             geom, gate_geom, full_time_guard, closed_management, alarm_video_linked,
                             guard_post, source_crs, etl_run_id)
    SELECT school_code, name, school_type, county_adcode, township, address, pupils, staff,
           ST_SetSRID(ST_MakePoint(lon, lat), 4326), ST_SetSRID(ST_MakePoint(gate_lon, gate_lat), 4326),
           CASE WHEN later THEN last_guard WHEN has_flags THEN full_time_guard ELSE cur_guard END,
           CASE WHEN later THEN last_closed WHEN has_flags THEN closed_management ELSE cur_closed END,
           CASE WHEN later THEN last_alarm WHEN has_flags THEN alarm_video_linked ELSE cur_alarm END,
           CASE WHEN later THEN last_post WHEN has_flags THEN guard_post ELSE cur_post END,
           source_crs, :run_id
    FROM staged
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
    RETURNING s.school_code, (xmax = 0) AS inserted
)
SELECT inserted FROM merged
UNION ALL
SELECT false FROM checked WHERE school_code NOT IN (SELECT school_code FROM merged)
