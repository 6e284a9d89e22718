-- One school by its code, if it is in the selected counties (:counties NULL = all): facts and flags.
SELECT s.school_code, s.name, s.school_type, s.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       s.township, s.address, s.pupils, s.staff, s.full_time_guard, s.closed_management, s.alarm_video_linked,
       s.guard_post,
       round(CAST(ST_X(s.geom) AS numeric), 5)::float8 AS lon, round(CAST(ST_Y(s.geom) AS numeric), 5)::float8 AS lat,
       round(CAST(ST_X(s.gate_geom) AS numeric), 5)::float8 AS gate_lon,
       round(CAST(ST_Y(s.gate_geom) AS numeric), 5)::float8 AS gate_lat
FROM school s
JOIN county c ON c.adcode = s.county_adcode
WHERE s.school_code = :code
  AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[])))
