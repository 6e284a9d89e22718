-- Patrol paths meeting the selected counties during the windows :windows (JSON [{starts, ends}], local
-- time :tz) of every day in [:date_from, :date_to]. Never raw points: each vehicle's fixes make runs that
-- break where consecutive fixes are more than :gap_s apart; each run is simplified with :tolerance_m metres
-- in UTM 47N; one MultiLineString per vehicle, rounded to 5 decimals, with its vertex count.
WITH area AS (
    SELECT ST_Union(geom) AS geom FROM county
    WHERE CAST(:counties AS text[]) IS NULL OR adcode = ANY(CAST(:counties AS text[]))
), win AS (
    SELECT starts, ends FROM jsonb_to_recordset(CAST(:windows AS jsonb)) AS w(starts time, ends time)
), pt AS (  -- the period as one time range (partitions pruned), then the local time of day in a window
    SELECT p.vehicle_id, p.ts, p.geom,
           CASE WHEN p.ts - lag(p.ts) OVER w <= make_interval(secs => :gap_s) THEN 0 ELSE 1 END AS starts_run
    FROM track_point p
    CROSS JOIN LATERAL (SELECT CAST(p.ts AT TIME ZONE CAST(:tz AS text) AS time) AS tod) AS local
    WHERE p.ts >= CAST(CAST(:date_from AS date) AS timestamp) AT TIME ZONE CAST(:tz AS text)
      AND p.ts < CAST(CAST(:date_to AS date) + 1 AS timestamp) AT TIME ZONE CAST(:tz AS text)
      AND EXISTS (SELECT 1 FROM win WHERE local.tod >= win.starts AND local.tod < win.ends)
    WINDOW w AS (PARTITION BY p.vehicle_id ORDER BY p.ts)
), run AS (
    SELECT vehicle_id, ts, geom, sum(starts_run) OVER (PARTITION BY vehicle_id ORDER BY ts) AS run_no
    FROM pt
), line AS (
    SELECT vehicle_id,
           ST_Simplify(ST_RemoveRepeatedPoints(ST_MakeLine(ST_Transform(geom, 32647) ORDER BY ts)),
                       CAST(:tolerance_m AS float8)) AS g
    FROM run GROUP BY vehicle_id, run_no HAVING count(*) > 1
), vehicle_line AS (
    SELECT vehicle_id, ST_Transform(ST_Collect(g), 4326) AS geom
    FROM line WHERE ST_NPoints(g) > 1 GROUP BY vehicle_id
)
SELECT l.vehicle_id, v.plate, ST_AsGeoJSON(l.geom, 5) AS geojson, ST_NPoints(l.geom) AS vertices,
       ST_NumGeometries(l.geom) AS runs,
       round(CAST(ST_Length(CAST(l.geom AS geography)) / 1000 AS numeric), 1)::float8 AS km
FROM vehicle_line l
CROSS JOIN area
LEFT JOIN vehicle v USING (vehicle_id)
WHERE ST_Intersects(l.geom, area.geom)
ORDER BY l.vehicle_id
