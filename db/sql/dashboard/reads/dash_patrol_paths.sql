-- Patrol paths meeting the selected counties (:counties, NULL = all) in the peak windows :windows (names,
-- NULL = all) of the local days [:date_from, :date_to], read from the derived patrol_path (each vehicle's runs
-- per day and window, broken at the gap limit and simplified once in UTM 47N by db/analytics/paths.py), never
-- from the fixes. One MultiLineString per vehicle, rounded to 5 decimals, with its vertex count, and the runs and
-- km it drove. At :tolerance_m up to the stored tolerance the runs are drawn as stored; coarser, the roads it
-- drove: the runs simplified with :tolerance_m and snapped to a :tolerance_m grid in UTM 47N, each segment once
-- (a road driven on twenty days is one line), merged into lines: the same roads at a county or prefecture view,
-- far fewer vertices. Those segments are read from the mart patrol_path_grid at the tolerances it keeps
-- (xiaoan_path_levels(), migration 0021), computed here from the paths at any other.
WITH day_path AS (  -- the paths' keys and sizes: their geometries are read only where they are drawn as stored
    SELECT vehicle_id, day, window_name, counties, length_m, ST_NumGeometries(geom) AS runs,
           tolerance_m >= CAST(:tolerance_m AS float8) AS as_stored
    FROM patrol_path
    WHERE day BETWEEN CAST(:date_from AS date) AND CAST(:date_to AS date)
      AND (CAST(:windows AS text[]) IS NULL OR window_name = ANY(CAST(:windows AS text[])))
), shown AS (  -- a vehicle whose paths of the period meet the counties is drawn whole
    SELECT vehicle_id, sum(runs) AS runs, sum(length_m) / 1000 AS km
    FROM day_path GROUP BY vehicle_id
    HAVING bool_or(CASE WHEN CAST(:counties AS text[]) IS NULL THEN cardinality(counties) > 0
                        ELSE CAST(counties AS text[]) && CAST(:counties AS text[]) END)
), stored AS (
    SELECT d.vehicle_id, ST_Collect(run.geom ORDER BY d.day, d.window_name, run.path) AS geom
    FROM day_path d
    JOIN shown USING (vehicle_id)
    JOIN patrol_path p ON (p.day, p.vehicle_id, p.window_name) = (d.day, d.vehicle_id, d.window_name)
    CROSS JOIN LATERAL ST_Dump(p.geom) AS run
    WHERE d.as_stored
    GROUP BY d.vehicle_id
), kept AS (
    SELECT CAST(:tolerance_m AS float8) = ANY(xiaoan_path_levels()) AS kept
), segment AS (
    SELECT g.vehicle_id, wkb  -- kept: the mart holds the segments of every path coarser than stored
    FROM patrol_path_grid g
    JOIN shown USING (vehicle_id)
    CROSS JOIN LATERAL unnest(g.segments) AS wkb
    WHERE (SELECT kept FROM kept) AND g.tolerance_m = CAST(:tolerance_m AS float8)
      AND g.day BETWEEN CAST(:date_from AS date) AND CAST(:date_to AS date)
      AND (CAST(:windows AS text[]) IS NULL OR g.window_name = ANY(CAST(:windows AS text[])))
    UNION  -- each segment once per vehicle
    SELECT d.vehicle_id, ST_AsBinary(ST_Normalize(s.geom))  -- not kept: as the mart computes it
    FROM day_path d
    JOIN shown USING (vehicle_id)
    JOIN patrol_path p ON (p.day, p.vehicle_id, p.window_name) = (d.day, d.vehicle_id, d.window_name)
    CROSS JOIN LATERAL ST_DumpSegments(ST_RemoveRepeatedPoints(ST_SnapToGrid(
        ST_Simplify(ST_Transform(p.geom, 32647), CAST(:tolerance_m AS float8)), CAST(:tolerance_m AS float8)))) AS s
    WHERE NOT (SELECT kept FROM kept) AND NOT d.as_stored
), road AS (
    SELECT vehicle_id, ST_Transform(ST_Multi(ST_LineMerge(ST_Collect(ST_GeomFromWKB(wkb, 32647)))), 4326) AS geom
    FROM segment GROUP BY vehicle_id
), vehicle_line AS (
    SELECT * FROM stored UNION ALL SELECT * FROM road
)
SELECT l.vehicle_id, v.plate, ST_AsGeoJSON(l.geom, 5) AS geojson, ST_NPoints(l.geom) AS vertices,
       CAST(s.runs AS int) AS runs, round(CAST(s.km AS numeric), 1)::float8 AS km
FROM vehicle_line l
JOIN shown s USING (vehicle_id)
LEFT JOIN vehicle v USING (vehicle_id)
ORDER BY l.vehicle_id
