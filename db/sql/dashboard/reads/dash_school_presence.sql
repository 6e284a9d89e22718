-- Presence of one school per school day and peak window in [:date_from, :date_to], local first-seen time.
SELECT p.day, p.window_name, p.present, round(CAST(p.dwell_min AS numeric), 1)::float8 AS dwell_min,
       round(CAST(p.min_distance_m AS numeric), 0)::float8 AS min_distance_m,
       to_char(p.first_seen AT TIME ZONE CAST(:tz AS text), 'HH24:MI') AS first_seen,
       cardinality(p.vehicle_ids) AS vehicles, p.radius_m
FROM presence p
WHERE p.school_code = :code AND p.day BETWEEN :date_from AND :date_to
ORDER BY p.day, p.window_name
