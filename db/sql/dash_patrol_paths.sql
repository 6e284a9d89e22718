-- Patrol paths in the selected counties' extent during the windows :windows (JSON [{starts, ends}], local
-- time :tz) of every day in [:date_from, :date_to]. Never raw points: fixes are snapped to a :grid_m grid
-- in UTM 47N, consecutive fixes of a vehicle less than :gap_s apart make a segment, repeated segments
-- count once, and each vehicle's segments are merged into lines, simplified and rounded to 5 decimals.
WITH area AS (
    SELECT ST_Union(geom) AS geom, ST_Envelope(ST_Collect(geom)) AS env FROM county
    WHERE CAST(:counties AS text[]) IS NULL OR adcode = ANY(CAST(:counties AS text[]))
), days AS (
    SELECT CAST(:date_from AS date) + i AS day
    FROM generate_series(0, CAST(:date_to AS date) - CAST(:date_from AS date)) AS i
), win AS (
    SELECT (d.day + w.starts) AT TIME ZONE CAST(:tz AS text) AS w0,
           (d.day + w.ends) AT TIME ZONE CAST(:tz AS text) AS w1
    FROM days d CROSS JOIN jsonb_to_recordset(CAST(:windows AS jsonb)) AS w(starts time, ends time)
), pt AS (
    SELECT p.vehicle_id, p.ts, ST_SnapToGrid(ST_Transform(p.geom, 32647), CAST(:grid_m AS float8)) AS g
    FROM track_point p
    JOIN win ON p.ts >= win.w0 AND p.ts < win.w1
    CROSS JOIN area
    WHERE p.geom && area.env
), step AS (
    SELECT vehicle_id, ts, g AS a, lead(g) OVER w AS b, lead(ts) OVER w - ts AS dt
    FROM pt WINDOW w AS (PARTITION BY vehicle_id ORDER BY ts)
), seg AS (
    SELECT DISTINCT vehicle_id,
           CASE WHEN fwd THEN ST_X(a) ELSE ST_X(b) END AS x0, CASE WHEN fwd THEN ST_Y(a) ELSE ST_Y(b) END AS y0,
           CASE WHEN fwd THEN ST_X(b) ELSE ST_X(a) END AS x1, CASE WHEN fwd THEN ST_Y(b) ELSE ST_Y(a) END AS y1
    FROM step CROSS JOIN LATERAL (SELECT (ST_X(a), ST_Y(a)) < (ST_X(b), ST_Y(b)) AS fwd) AS o
    WHERE b IS NOT NULL AND dt <= make_interval(secs => :gap_s) AND NOT ST_Equals(a, b)
), line AS (
    SELECT vehicle_id, ST_Transform(ST_SetSRID(ST_Simplify(ST_LineMerge(ST_Collect(
               ST_MakeLine(ST_MakePoint(x0, y0), ST_MakePoint(x1, y1)))), CAST(:grid_m AS float8)), 32647), 4326) AS geom
    FROM seg GROUP BY vehicle_id
)
SELECT l.vehicle_id, v.plate, ST_AsGeoJSON(l.geom, 5) AS geojson, ST_NPoints(l.geom) AS vertices,
       round(CAST(ST_Length(CAST(l.geom AS geography)) / 1000 AS numeric), 1)::float8 AS km
FROM line l
CROSS JOIN area
LEFT JOIN vehicle v USING (vehicle_id)
WHERE ST_Intersects(l.geom, area.geom)
ORDER BY l.vehicle_id
