-- Presence rows of school days in [:date_from, :date_to], local times, one row per school × day × window.
SELECT p.school_code, s.name AS school_name, s.school_type, s.county_adcode, c.name_zh AS county_zh,
       to_char(p.day, 'YYYY-MM-DD') AS date, p.window_name AS "window", p.present,
       to_char(p.first_seen AT TIME ZONE :tz, 'HH24:MI:SS') AS first_seen,
       to_char(p.last_seen AT TIME ZONE :tz, 'HH24:MI:SS') AS last_seen,
       round(CAST(p.dwell_min AS numeric), 2) AS dwell_min,
       round(CAST(p.min_distance_m AS numeric), 1) AS min_distance_m,
       cardinality(p.vehicle_ids) AS vehicles, array_to_string(p.vehicle_ids, ';') AS vehicle_ids,
       p.radius_m
FROM presence p
JOIN school s USING (school_code)
JOIN county c ON c.adcode = s.county_adcode
WHERE p.day BETWEEN :date_from AND :date_to
  AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY p.day, s.county_adcode, p.school_code,
         array_position(CAST(:window_order AS text[]), p.window_name), p.window_name
