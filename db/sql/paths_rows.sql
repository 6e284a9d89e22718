-- Patrol paths per vehicle × local day (zone :tz) in [:date_from, :date_to] × peak window (:windows, JSON
-- [{name, starts, ends}]): the window's fixes make runs that break where consecutive fixes are more than :gap_s
-- apart; each run is simplified with :tolerance_m metres in UTM 47N; one MultiLineString per vehicle, day and
-- window, with the adcodes of the counties it meets and its length (m, on the ellipsoid). The fixes come by the
-- primary key, one index range per vehicle and window (no scan of the month), in order; counties are tested in
-- small pieces (ST_Subdivide).
WITH area AS MATERIALIZED (  -- the counties cut into small pieces: each test of a path is cheap
    SELECT adcode, ST_Subdivide(geom, 64) AS geom FROM county
), days AS (
    SELECT CAST(:date_from AS date) + i AS day
    FROM generate_series(0, CAST(:date_to AS date) - CAST(:date_from AS date)) AS i
), slot AS MATERIALIZED (
    SELECT d.day, w.name, (d.day + w.starts) AT TIME ZONE CAST(:tz AS text) AS w0,
           (d.day + w.ends) AT TIME ZONE CAST(:tz AS text) AS w1
    FROM days d CROSS JOIN jsonb_to_recordset(CAST(:windows AS jsonb)) AS w(name text, starts time, ends time)
), pt AS (
    SELECT v.vehicle_id, s.day, s.name, q.ts, q.geom,
           CASE WHEN q.ts - lag(q.ts) OVER w <= make_interval(secs => :gap_s) THEN 0 ELSE 1 END AS starts_run
    FROM (SELECT vehicle_id FROM vehicle ORDER BY vehicle_id) AS v
    CROSS JOIN slot s
    CROSS JOIN LATERAL (SELECT p.ts, p.geom FROM track_point p
                        WHERE p.vehicle_id = v.vehicle_id AND p.ts >= s.w0 AND p.ts < s.w1 OFFSET 0) AS q
    WINDOW w AS (PARTITION BY v.vehicle_id, s.day, s.name ORDER BY q.ts)
), run AS (
    SELECT vehicle_id, day, name, ts, geom,
           sum(starts_run) OVER (PARTITION BY vehicle_id, day, name ORDER BY ts) AS run_no
    FROM pt
), line AS (
    SELECT vehicle_id, day, name, min(ts) AS t0,
           ST_Simplify(ST_Transform(ST_RemoveRepeatedPoints(ST_MakeLine(geom ORDER BY ts)), 32647),
                       CAST(:tolerance_m AS float8)) AS g
    FROM run GROUP BY vehicle_id, day, name, run_no HAVING count(*) > 1
), path AS (
    SELECT vehicle_id, day, name, ST_Multi(ST_Transform(ST_Collect(g ORDER BY t0), 4326)) AS geom
    FROM line WHERE ST_NPoints(g) > 1 GROUP BY vehicle_id, day, name
)
SELECT p.day, p.vehicle_id, p.name, p.geom,
       ARRAY(SELECT DISTINCT a.adcode FROM area a WHERE ST_Intersects(a.geom, p.geom) ORDER BY a.adcode),
       CAST(:tolerance_m AS float8), ST_Length(CAST(p.geom AS geography))
FROM path p
