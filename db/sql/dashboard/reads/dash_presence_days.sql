-- Presence per school and school day in [:date_from, :date_to] for the windows :windows (NULL = all): the
-- windows held, those with presence — the stored result (radius R of the refresh) when :radius_m is NULL,
-- else "the path came within :radius_m of the gate" from the stored closest approach — and that approach.
SELECT p.school_code, p.day, count(*) AS windows,
       count(*) FILTER (WHERE CASE WHEN CAST(:radius_m AS float8) IS NULL THEN p.present
                                   ELSE p.min_distance_m <= CAST(:radius_m AS float8) END) AS present,
       min(p.min_distance_m) AS min_distance_m
FROM presence p
JOIN school s USING (school_code)
WHERE p.day BETWEEN :date_from AND :date_to
  AND (CAST(:windows AS text[]) IS NULL OR p.window_name = ANY(CAST(:windows AS text[])))
  AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[])))
GROUP BY p.school_code, p.day
ORDER BY p.school_code, p.day
