-- Presence of one school per school day and peak window in [:date_from, :date_to], local first-seen time. A
-- window that has not ended at :now (a peak later today) is left out, as in dash_presence_days: its end is the
-- school type's window of that name in :peaks (local times in :tz).
WITH peak AS (
    SELECT * FROM jsonb_to_recordset(CAST(:peaks AS jsonb)) AS w(name text, school_type text, starts time, ends time)
)
SELECT p.day, p.window_name, p.present, round(CAST(p.dwell_min AS numeric), 1)::float8 AS dwell_min,
       round(CAST(p.min_distance_m AS numeric), 0)::float8 AS min_distance_m,
       to_char(p.first_seen AT TIME ZONE CAST(:tz AS text), 'HH24:MI') AS first_seen,
       cardinality(p.vehicle_ids) AS vehicles, p.radius_m
FROM presence p
JOIN school s ON s.school_code = p.school_code
WHERE p.school_code = :code AND p.day BETWEEN :date_from AND :date_to
  AND (p.day < CAST(:today AS date) OR EXISTS (
      SELECT 1 FROM peak w
      WHERE w.name = p.window_name
        AND (w.school_type = s.school_type OR (w.school_type IS NULL AND NOT EXISTS (
            SELECT 1 FROM peak o WHERE o.school_type = s.school_type AND o.name = w.name)))
        AND (p.day + w.ends) AT TIME ZONE CAST(:tz AS text) <= CAST(:now AS timestamptz)))
ORDER BY p.day, p.window_name
