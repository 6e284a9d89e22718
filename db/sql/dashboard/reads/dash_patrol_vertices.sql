-- What dash_patrol_paths would draw as stored at :tolerance_m, counted without drawing it: the vertices of the
-- shown vehicles' paths (those meeting :counties, NULL = all) in the windows :windows (NULL = all) of the days
-- [:date_from, :date_to], and whether every one of them is stored at :tolerance_m or finer (else the count says
-- nothing). Lets the map skip a fetch whose answer is known to exceed its vertex budget.
WITH day_path AS (
    SELECT vehicle_id, counties, ST_NPoints(geom) AS vertices, tolerance_m >= CAST(:tolerance_m AS float8) AS as_stored
    FROM patrol_path
    WHERE day BETWEEN CAST(:date_from AS date) AND CAST(:date_to AS date)
      AND (CAST(:windows AS text[]) IS NULL OR window_name = ANY(CAST(:windows AS text[])))
), shown AS (
    SELECT vehicle_id, sum(vertices) AS vertices, bool_and(as_stored) AS as_stored
    FROM day_path GROUP BY vehicle_id
    HAVING bool_or(CASE WHEN CAST(:counties AS text[]) IS NULL THEN cardinality(counties) > 0
                        ELSE CAST(counties AS text[]) && CAST(:counties AS text[]) END)
)
SELECT CAST(COALESCE(sum(vertices), 0) AS bigint) AS vertices, COALESCE(bool_and(as_stored), true) AS as_stored
FROM shown
