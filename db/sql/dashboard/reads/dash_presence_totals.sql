-- Presence per school over [:date_from, :date_to] (the sums of dash_presence_days over the days, one row a
-- school with a school-day window): windows :windows (NULL = all) of the schools in :counties (NULL = all), the
-- windows held, those with presence — the stored result when :radius_m is NULL, else "within :radius_m of the
-- gate" from the stored closest approach — and the closest approach. A window that has not ended at :now (a
-- peak later today) is left out, neither held nor absent; its end is the school type's window of that name in
-- :peaks (local times in :tz). Days before :today at every window and the stored radius are read from the mart
-- presence_day (kept by presence's own triggers, migration 0020); the rest from presence: the days before
-- :today summed per school before the join, today and later window by window.
WITH peak AS (
    SELECT * FROM jsonb_to_recordset(CAST(:peaks AS jsonb)) AS w(name text, school_type text, starts time, ends time)
), sch AS (
    SELECT s.school_code, s.school_type
    FROM school s
    WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
), summed AS (
    SELECT d.school_code, d.windows, d.present, d.min_distance_m
    FROM (SELECT school_code, sum(windows) AS windows, sum(present) AS present, min(min_distance_m) AS min_distance_m
          FROM presence_day  -- summed before the join: hashing 100k day rows for it cost twice the sum (at M)
          WHERE CAST(:windows AS text[]) IS NULL AND CAST(:radius_m AS float8) IS NULL
            AND day BETWEEN :date_from AND :date_to AND day < CAST(:today AS date)
          GROUP BY school_code) AS d
    JOIN sch USING (school_code)
), past AS (  -- other days before today: summed per school first (a probe per school cost twice the sum, at M)
    SELECT p.school_code, count(*) AS windows,
           count(*) FILTER (WHERE CASE WHEN CAST(:radius_m AS float8) IS NULL THEN p.present
                                       ELSE COALESCE(p.min_distance_m <= CAST(:radius_m AS float8), false) END)
               AS present,
           min(p.min_distance_m) AS min_distance_m
    FROM presence p
    WHERE p.day BETWEEN :date_from AND :date_to AND p.day < CAST(:today AS date)
      AND NOT (CAST(:windows AS text[]) IS NULL AND CAST(:radius_m AS float8) IS NULL)
      AND (CAST(:windows AS text[]) IS NULL OR p.window_name = ANY(CAST(:windows AS text[])))
      AND (CAST(:counties AS text[]) IS NULL OR p.school_code IN (SELECT school_code FROM sch))
    GROUP BY p.school_code
), later AS (  -- today and after: only the windows that have ended at :now
    SELECT p.school_code, 1 AS windows,
           CAST(CASE WHEN CAST(:radius_m AS float8) IS NULL THEN p.present
                     ELSE COALESCE(p.min_distance_m <= CAST(:radius_m AS float8), false) END AS int) AS present,
           p.min_distance_m
    FROM presence p
    JOIN sch USING (school_code)
    WHERE p.day BETWEEN :date_from AND :date_to AND p.day >= CAST(:today AS date)
      AND (CAST(:windows AS text[]) IS NULL OR p.window_name = ANY(CAST(:windows AS text[])))
      AND EXISTS (
          SELECT 1 FROM peak w
          WHERE w.name = p.window_name
            AND (w.school_type = sch.school_type OR (w.school_type IS NULL AND NOT EXISTS (
                SELECT 1 FROM peak o WHERE o.school_type = sch.school_type AND o.name = w.name)))
            AND (p.day + w.ends) AT TIME ZONE CAST(:tz AS text) <= CAST(:now AS timestamptz))
)
SELECT school_code, CAST(sum(windows) AS bigint) AS windows, CAST(sum(present) AS bigint) AS present,
       min(min_distance_m) AS min_distance_m
FROM (SELECT * FROM summed
      UNION ALL SELECT past.* FROM past JOIN sch USING (school_code)
      UNION ALL SELECT * FROM later) AS rows
GROUP BY school_code
ORDER BY school_code
