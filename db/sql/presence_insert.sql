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
    SELECT s.school_code, s.school_type, s.gate_utm AS gate_m,
           CASE WHEN s.guard_post THEN CAST(:guard_radius_m AS float8) ELSE CAST(:radius_m AS float8) END AS r
    FROM school s
    WHERE CAST(:schools AS text[]) IS NULL OR s.school_code = ANY(CAST(:schools AS text[]))
), slot AS MATERIALIZED (
    SELECT g.school_code, ST_X(g.gate_m) AS gx, ST_Y(g.gate_m) AS gy, g.r, w.name, d.day,
           (d.day + w.starts) AT TIME ZONE CAST(:tz AS text) AS w0,
           (d.day + w.ends) AT TIME ZONE CAST(:tz AS text) AS w1
    FROM gate g
    JOIN win w ON w.school_type = g.school_type
               OR (w.school_type IS NULL AND NOT EXISTS (
                   SELECT 1 FROM win o WHERE o.school_type = g.school_type AND o.name = w.name))
    CROSS JOIN days d
), span AS (  -- every instant a path inside a window can start or end at
    SELECT range_agg(tstzrange(w0 - make_interval(secs => :gap_s), w1 + make_interval(secs => :gap_s))) AS r
    FROM slot
), pt AS MATERIALIZED (
    SELECT p.vehicle_id, p.ts, ST_Transform(p.geom, 32647) AS g
    FROM track_point p
    WHERE p.ts >= (SELECT lower(r) FROM span) AND p.ts < (SELECT upper(r) FROM span)
      AND p.ts <@ (SELECT r FROM span)
), seg AS (
    SELECT vehicle_id, ts AS t0, g AS p0,
           CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_ts ELSE ts END AS t1,
           CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_g ELSE g END AS p1
    FROM (SELECT *, lead(ts) OVER w AS nx_ts, lead(g) OVER w AS nx_g
          FROM pt WINDOW w AS (PARTITION BY vehicle_id ORDER BY ts)) AS s
), near AS MATERIALIZED (  -- path pieces within :near_m of a gate (GiST on school.gate_utm), per local day
    SELECT sg.vehicle_id, sg.t0, sg.t1, s.school_code, local.day,
           ST_X(sg.p0) AS x0, ST_Y(sg.p0) AS y0, ST_X(sg.p1) AS x1, ST_Y(sg.p1) AS y1
    FROM seg sg
    JOIN school s ON ST_DWithin(s.gate_utm, ST_MakeLine(sg.p0, sg.p1),
                                GREATEST(CAST(:near_m AS float8), CAST(:radius_m AS float8),
                                         CAST(:guard_radius_m AS float8)))
    CROSS JOIN LATERAL (SELECT DISTINCT CAST(t AT TIME ZONE CAST(:tz AS text) AS date) AS day
                        FROM unnest(ARRAY[sg.t0, sg.t1]) AS t) AS local
    WHERE CAST(:schools AS text[]) IS NULL OR s.school_code = ANY(CAST(:schools AS text[]))
), hit AS (  -- ... during one of that school's windows, with the time spent within R
    SELECT sl.school_code, sl.day, sl.name, sl.r, n.vehicle_id, m.*
    FROM near n
    JOIN slot sl ON sl.school_code = n.school_code AND sl.day = n.day AND n.t1 >= sl.w0 AND n.t0 < sl.w1
    CROSS JOIN LATERAL xiaoan_segment_near_gate(n.t0, n.x0, n.y0, n.t1, n.x1, n.y1, sl.gx, sl.gy, sl.r,
                                                sl.w0, sl.w1) AS m
), agg AS (
    SELECT school_code, day, name, min(closest_m) FILTER (WHERE closest_m <= GREATEST(CAST(:near_m AS float8), r))
               AS min_distance_m,
           min(enter_at) AS first_seen, max(leave_at) AS last_seen,
           range_agg(tstzrange(enter_at, leave_at, '[]')) FILTER (WHERE enter_at IS NOT NULL) AS inside,
           array_agg(DISTINCT vehicle_id ORDER BY vehicle_id) FILTER (WHERE enter_at IS NOT NULL) AS vehicle_ids
    FROM hit GROUP BY school_code, day, name
)
SELECT sl.school_code, sl.day, sl.name, a.first_seen IS NOT NULL, a.first_seen, a.last_seen,
       COALESCE((SELECT sum(EXTRACT(EPOCH FROM upper(r) - lower(r))) FROM unnest(a.inside) AS r), 0) / 60.0,
       a.min_distance_m, COALESCE(a.vehicle_ids, '{}'), sl.r
FROM slot sl
LEFT JOIN agg a USING (school_code, day, name)
