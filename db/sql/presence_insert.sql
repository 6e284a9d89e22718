-- Presence of patrol vehicles at school gates, per school × school day × peak window.
-- A vehicle's path is the straight segment between consecutive GPS points less than :gap_s apart,
-- travelled at constant speed; a lone point is a path of one instant. A window [start, end) is present
-- when some path is within R metres of the gate at some instant inside it. Distances in UTM 47N.
INSERT INTO presence (school_code, day, window_name, present, first_seen, last_seen, dwell_min,
                      min_distance_m, vehicle_ids, radius_m)
WITH days AS (
    SELECT unnest(CAST(:days AS date[])) AS day
), win AS (
    SELECT * FROM jsonb_to_recordset(CAST(:windows AS jsonb))
        AS w(name text, school_type text, starts time, ends time)
), gate AS (
    SELECT s.school_code, s.school_type, ST_Transform(s.gate_geom, 32647) AS gate_m,
           CASE WHEN s.guard_post THEN CAST(:guard_radius_m AS float8) ELSE CAST(:radius_m AS float8) END AS r
    FROM school s
    WHERE CAST(:schools AS text[]) IS NULL OR s.school_code = ANY(CAST(:schools AS text[]))
), slot AS (
    SELECT g.school_code, g.gate_m, g.r, w.name, d.day,
           (d.day + w.starts) AT TIME ZONE CAST(:tz AS text) AS w0,
           (d.day + w.ends) AT TIME ZONE CAST(:tz AS text) AS w1
    FROM gate g
    JOIN win w ON w.school_type = g.school_type
               OR (w.school_type IS NULL AND NOT EXISTS (
                   SELECT 1 FROM win o WHERE o.school_type = g.school_type AND o.name = w.name))
    CROSS JOIN days d
), span AS (
    SELECT DISTINCT w0 - make_interval(secs => :gap_s) AS lo, w1 + make_interval(secs => :gap_s) AS hi
    FROM slot
), pt AS (
    SELECT DISTINCT p.vehicle_id, p.ts, ST_Transform(p.geom, 32647) AS g
    FROM track_point p JOIN span ON p.ts >= span.lo AND p.ts < span.hi
), seg AS (
    SELECT vehicle_id, ts AS t0, g AS p0,
           CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_ts ELSE ts END AS t1,
           CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_g ELSE g END AS p1
    FROM (SELECT *, lead(ts) OVER w AS nx_ts, lead(g) OVER w AS nx_g
          FROM pt WINDOW w AS (PARTITION BY vehicle_id ORDER BY ts)) AS s
), hit AS (  -- every path piece near a gate during a window, with the time it spent within R
    SELECT sl.school_code, sl.day, sl.name, sg.vehicle_id, sl.r, m.*
    FROM seg sg
    JOIN slot sl ON sg.t1 >= sl.w0 AND sg.t0 < sl.w1
                AND ST_DWithin(ST_MakeLine(sg.p0, sg.p1), sl.gate_m, CAST(:near_m AS float8))
    CROSS JOIN LATERAL xiaoan_segment_near_gate(sg.t0, sg.p0, sg.t1, sg.p1, sl.gate_m, sl.r, sl.w0, sl.w1) AS m
), agg AS (
    SELECT school_code, day, name, min(closest_m) AS min_distance_m,
           min(enter_at) FILTER (WHERE enter_at IS NOT NULL) AS first_seen,
           max(leave_at) FILTER (WHERE enter_at IS NOT NULL) AS last_seen,
           range_agg(tstzrange(enter_at, leave_at, '[]')) FILTER (WHERE enter_at IS NOT NULL) AS inside,
           array_agg(DISTINCT vehicle_id ORDER BY vehicle_id) FILTER (WHERE enter_at IS NOT NULL) AS vehicle_ids
    FROM hit GROUP BY school_code, day, name
)
SELECT sl.school_code, sl.day, sl.name, a.first_seen IS NOT NULL, a.first_seen, a.last_seen,
       COALESCE((SELECT sum(EXTRACT(EPOCH FROM upper(r) - lower(r))) FROM unnest(a.inside) AS r), 0) / 60.0,
       a.min_distance_m, COALESCE(a.vehicle_ids, '{}'), sl.r
FROM slot sl
LEFT JOIN agg a USING (school_code, day, name)
