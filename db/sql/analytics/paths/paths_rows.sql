-- Patrol paths per vehicle × local day (zone :tz) in [:date_from, :date_to] × peak window (:windows, JSON
-- [{name, starts, ends}]): the window's fixes make runs that break where consecutive fixes are more than :gap_s
-- apart; each run is simplified with :tolerance_m metres in UTM 47N; one MultiLineString per vehicle, day and
-- window, with the adcodes of the counties it meets and its length (m, on the ellipsoid).
-- Per vehicle and window (slot) the fixes come by the primary key, one index range, already in time order: one
-- window pass numbers them and marks where a run starts, one aggregate keeps them as an array and the runs are
-- slices of it, so nothing is sorted or grouped by run. Counties are tested in small pieces (ST_Subdivide), piece
-- by piece over all the paths, so each piece is prepared once for the paths whose box meets it.
WITH area AS MATERIALIZED (  -- the counties cut into small pieces: each test of a path is cheap
    SELECT adcode, ST_Subdivide(geom, 64) AS geom FROM county
), days AS (
    SELECT CAST(:date_from AS date) + i AS day
    FROM generate_series(0, CAST(:date_to AS date) - CAST(:date_from AS date)) AS i
), slot AS MATERIALIZED (
    SELECT d.day, w.name, (d.day + w.starts) AT TIME ZONE CAST(:tz AS text) AS w0,
           (d.day + w.ends) AT TIME ZONE CAST(:tz AS text) AS w1
    FROM days d CROSS JOIN jsonb_to_recordset(CAST(:windows AS jsonb)) AS w(name text, starts time, ends time)
), path AS MATERIALIZED (
    SELECT v.vehicle_id, s.day, s.name, pa.geom
    FROM vehicle v CROSS JOIN slot s
    CROSS JOIN LATERAL (  -- the slot's runs of two fixes or more, simplified, as one path (no row: no path)
        SELECT ST_Multi(ST_Transform(ST_Collect(l.g ORDER BY l.k), 4326)) AS geom
        FROM (SELECT r.k, ST_Simplify(ST_Transform(ST_RemoveRepeatedPoints(ST_MakeLine(fx.pts[r.i0:r.i1])), 32647),
                                      CAST(:tolerance_m AS float8)) AS g
              FROM (  -- the slot's fixes in time order, and the positions where a run starts
                    SELECT array_agg(f.geom ORDER BY f.ts) AS pts, count(*) AS n,
                           array_agg(f.i ORDER BY f.i) FILTER (WHERE f.starts_run) AS starts
                    FROM (SELECT p.ts, p.geom, row_number() OVER w AS i,
                                 CASE WHEN p.ts - lag(p.ts) OVER w <= make_interval(secs => :gap_s) THEN false
                                      ELSE true END AS starts_run
                          FROM track_point p
                          WHERE p.vehicle_id = v.vehicle_id AND p.ts >= s.w0 AND p.ts < s.w1
                          WINDOW w AS (ORDER BY p.ts)) AS f) AS fx
              CROSS JOIN LATERAL (  -- run k: fixes i0…i1
                    SELECT u.k, u.i0, coalesce(fx.starts[u.k + 1] - 1, fx.n) AS i1
                    FROM unnest(fx.starts) WITH ORDINALITY AS u(i0, k)) AS r
              WHERE r.i1 > r.i0 OFFSET 0) AS l  -- OFFSET 0: g computed once, not again for the test below
        WHERE ST_NPoints(l.g) > 1 HAVING count(*) > 0) AS pa
), meets AS (  -- (path, county) where a piece meets the path; piece by piece, the piece the same for its paths
    SELECT m.vehicle_id, m.day, m.name, array_agg(DISTINCT a.adcode ORDER BY a.adcode) AS counties
    FROM area a CROSS JOIN LATERAL (SELECT p.vehicle_id, p.day, p.name FROM path p
                                    WHERE ST_Intersects(a.geom, p.geom) OFFSET 0) AS m
    GROUP BY m.vehicle_id, m.day, m.name
)
SELECT p.day, p.vehicle_id, p.name, p.geom, coalesce(m.counties, '{}'),
       CAST(:tolerance_m AS float8), ST_Length(CAST(p.geom AS geography))
FROM path p LEFT JOIN meets m USING (vehicle_id, day, name)
