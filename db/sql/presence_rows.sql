-- Presence of patrol vehicles at school gates, per school × school day × peak window.
-- A vehicle's path is the straight segment between consecutive GPS points less than :gap_s apart,
-- travelled at constant speed; a lone point is a path of one instant. A window [start, end) is present
-- when some path is within R metres of the gate at some instant inside it. Distances in UTM 47N.
-- How it is fast: the fixes come by the primary key, one index range per vehicle and window span (no scan
-- of the month); a path finds its candidate gates by a hash join on a 250 m grid cell of its midpoint (gates
-- are entered in every cell within reach), paths longer than 500 m by the GiST index on school.gate_utm.
WITH days AS (
    SELECT unnest(CAST(:days AS date[])) AS day
), win AS (
    SELECT * FROM jsonb_to_recordset(CAST(:windows AS jsonb))
        AS w(name text, school_type text, starts time, ends time)
), reach AS (  -- the largest distance of interest; the grid's cell and the longest path it serves
    SELECT GREATEST(CAST(:near_m AS float8), CAST(:radius_m AS float8), CAST(:guard_radius_m AS float8)) AS d,
           250.0 AS cell, 500.0 AS longest
), gate AS MATERIALIZED (
    SELECT row_number() OVER () AS gid, s.school_code, s.school_type, ST_X(s.gate_utm) AS gx, ST_Y(s.gate_utm) AS gy,
           CASE WHEN s.guard_post THEN CAST(:guard_radius_m AS float8) ELSE CAST(:radius_m AS float8) END AS r
    FROM school s
    WHERE (CAST(:schools AS text[]) IS NULL OR s.school_code = ANY(CAST(:schools AS text[])))
), slot AS MATERIALIZED (
    SELECT row_number() OVER () AS sid, g.gid, g.school_code, g.gx, g.gy, g.r, w.name, d.day,
           (d.day + w.starts) AT TIME ZONE CAST(:tz AS text) AS w0,
           (d.day + w.ends) AT TIME ZONE CAST(:tz AS text) AS w1
    FROM gate g
    JOIN win w ON w.school_type = g.school_type
               OR (w.school_type IS NULL AND NOT EXISTS (
                   SELECT 1 FROM win o WHERE o.school_type = g.school_type AND o.name = w.name))
    CROSS JOIN days d
), span AS MATERIALIZED (  -- every instant a path inside a window can start or end at, as disjoint ranges
    SELECT unnest(range_agg(tstzrange(w0 - make_interval(secs => :gap_s), w1 + make_interval(secs => :gap_s))))
        AS r
    FROM slot
), box AS MATERIALIZED (  -- the grid cells holding a point within d + longest / 2 (+1 m) of each gate
    SELECT g.gid, g.gx, g.gy, CAST(floor((g.gx - d - longest / 2 - 1) / cell) AS int) AS x0,
           CAST(floor((g.gy - d - longest / 2 - 1) / cell) AS int) AS y0,
           CAST(floor((g.gx + d + longest / 2 + 1) / cell) AS int) - CAST(floor((g.gx - d - longest / 2 - 1) / cell) AS int)
           + 1 AS nx,
           CAST(floor((g.gy + d + longest / 2 + 1) / cell) AS int) - CAST(floor((g.gy - d - longest / 2 - 1) / cell) AS int)
           + 1 AS ny
    FROM gate g CROSS JOIN reach
), cell AS MATERIALIZED (  -- each gate in every one of its cells
    SELECT b.gid, b.gx, b.gy, b.x0 + i % b.nx AS cx, b.y0 + i / b.nx AS cy
    FROM box b CROSS JOIN LATERAL generate_series(0, b.nx * b.ny - 1) AS i
), pt AS (  -- vehicle by vehicle (in order: the window's sort finds its input sorted), span by span
    SELECT p.vehicle_id, p.ts, ST_X(p.g) AS x, ST_Y(p.g) AS y, CAST(p.ts AT TIME ZONE CAST(:tz AS text) AS date) AS d
    FROM (SELECT v.vehicle_id, q.ts, ST_Transform(q.geom, 32647) AS g
          FROM (SELECT vehicle_id FROM vehicle ORDER BY vehicle_id) AS v
          CROSS JOIN LATERAL (SELECT t.ts, t.geom FROM span
                              CROSS JOIN LATERAL (SELECT p.ts, p.geom FROM track_point p
                                                  WHERE p.vehicle_id = v.vehicle_id AND p.ts >= lower(span.r)
                                                    AND p.ts < upper(span.r) OFFSET 0) AS t
                              OFFSET 0) AS q
          OFFSET 0) AS p
), seg AS MATERIALIZED (  -- with the local day of either end
    SELECT vehicle_id, t0, x0, y0, t1, x1, y1, mx, my, len2, d0, d1,
           CAST(floor(mx / reach.cell) AS int) AS cx, CAST(floor(my / reach.cell) AS int) AS cy,
           (reach.d + sqrt(len2) / 2 + 1) * (reach.d + sqrt(len2) / 2 + 1) AS rr
    FROM (SELECT *, (x0 + x1) / 2 AS mx, (y0 + y1) / 2 AS my, (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0) AS len2
    FROM (SELECT vehicle_id, ts AS t0, x AS x0, y AS y0, d AS d0,
                 CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_ts ELSE ts END AS t1,
                 CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_x ELSE x END AS x1,
                 CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_y ELSE y END AS y1,
                 CASE WHEN nx_ts - ts <= make_interval(secs => :gap_s) THEN nx_d ELSE d END AS d1
          FROM (SELECT *, lead(ts) OVER w AS nx_ts, lead(x) OVER w AS nx_x, lead(y) OVER w AS nx_y,
                       lead(d) OVER w AS nx_d
                FROM pt WINDOW w AS (PARTITION BY vehicle_id ORDER BY ts)) AS s) AS s) AS s
    CROSS JOIN reach
), seg_day AS NOT MATERIALIZED (
    SELECT vehicle_id, t0, x0, y0, t1, x1, y1, mx, my, len2, cx, cy, rr, d0 AS day FROM seg
    UNION ALL
    SELECT vehicle_id, t0, x0, y0, t1, x1, y1, mx, my, len2, cx, cy, rr, d1 FROM seg WHERE d1 <> d0
), near AS (  -- path pieces within d of a gate, per local day (a superset is harmless: farther ones add nothing)
    SELECT sg.vehicle_id, sg.t0, sg.t1, sg.x0, sg.y0, sg.x1, sg.y1, sg.day, c.gid
    FROM seg_day sg CROSS JOIN reach
    JOIN cell c ON c.cx = sg.cx AND c.cy = sg.cy
    WHERE sg.len2 <= reach.longest * reach.longest
      AND (c.gx - sg.mx) * (c.gx - sg.mx) + (c.gy - sg.my) * (c.gy - sg.my) <= sg.rr
    UNION ALL
    SELECT sg.vehicle_id, sg.t0, sg.t1, sg.x0, sg.y0, sg.x1, sg.y1, sg.day, g.gid
    FROM seg_day sg CROSS JOIN reach
    JOIN school s ON ST_DWithin(s.gate_utm, ST_MakeLine(ST_SetSRID(ST_MakePoint(sg.x0, sg.y0), 32647),
                                                        ST_SetSRID(ST_MakePoint(sg.x1, sg.y1), 32647)), reach.d)
    JOIN gate g ON g.school_code = s.school_code
    WHERE sg.len2 > reach.longest * reach.longest
), piece AS (  -- ... during one of that school's windows: xiaoan_segment_near_gate inlined, step by step
    SELECT *, dx * dx + dy * dy AS a, fx * dx + fy * dy AS half_b, fx * fx + fy * fy - r * r AS c,
           CASE WHEN dur > 0 THEN GREATEST(0, date_part('epoch', w0 - t0) / dur) ELSE 0 END AS lo,
           CASE WHEN dur > 0 THEN LEAST(1, date_part('epoch', w1 - t0) / dur) ELSE 0 END AS hi
    FROM (SELECT sl.sid, sl.r, sl.w0, sl.w1, n.vehicle_id, n.t0,
                 date_part('epoch', n.t1 - n.t0) AS dur, n.x1 - n.x0 AS dx, n.y1 - n.y0 AS dy,
                 n.x0 - sl.gx AS fx, n.y0 - sl.gy AS fy
          FROM near n
          JOIN slot sl ON sl.gid = n.gid AND sl.day = n.day AND n.t1 >= sl.w0 AND n.t0 < sl.w1
          OFFSET 0) AS v
    OFFSET 0
), solved AS (
    SELECT sid, r, w0, w1, vehicle_id, t0, dur, dx, dy, fx, fy,
           CASE WHEN a = 0 THEN lo ELSE LEAST(GREATEST(-half_b / a, lo), hi) END AS s_close,
           CASE WHEN a = 0 THEN CASE WHEN c <= 0 THEN lo END
                WHEN half_b * half_b - a * c >= 0 THEN GREATEST((-half_b - sqrt(half_b * half_b - a * c)) / a, lo)
           END AS s_in,
           CASE WHEN a = 0 THEN CASE WHEN c <= 0 THEN hi END
                WHEN half_b * half_b - a * c >= 0 THEN LEAST((-half_b + sqrt(half_b * half_b - a * c)) / a, hi)
           END AS s_out
    FROM piece
    OFFSET 0
), hit AS (
    SELECT sid, r, vehicle_id, closest_m,
           CASE WHEN t_in < w1 THEN GREATEST(t_in, w0) END AS enter_at,
           CASE WHEN t_in < w1 THEN LEAST(t_out, w1) END AS leave_at
    FROM (SELECT sid, r, vehicle_id, w0, w1,
                 sqrt((fx + s_close * dx) * (fx + s_close * dx) + (fy + s_close * dy) * (fy + s_close * dy)) AS closest_m,
                 CASE WHEN s_in <= s_out THEN t0 + make_interval(secs => s_in * dur) END AS t_in,
                 CASE WHEN s_in <= s_out THEN t0 + make_interval(secs => s_out * dur) END AS t_out
          FROM solved OFFSET 0) AS h
), agg AS (
    SELECT sid, min(closest_m) FILTER (WHERE closest_m <= GREATEST(CAST(:near_m AS float8), r))
               AS min_distance_m,
           min(enter_at) AS first_seen, max(leave_at) AS last_seen,
           range_agg(tstzrange(enter_at, leave_at, '[]')) FILTER (WHERE enter_at IS NOT NULL) AS inside,
           array_agg(vehicle_id) FILTER (WHERE enter_at IS NOT NULL) AS vehicles
    FROM hit GROUP BY sid
)
SELECT sl.school_code, sl.day, sl.name, a.first_seen IS NOT NULL, a.first_seen, a.last_seen,
       COALESCE((SELECT sum(EXTRACT(EPOCH FROM upper(r) - lower(r))) FROM unnest(a.inside) AS r), 0) / 60.0,
       a.min_distance_m, ARRAY(SELECT DISTINCT v FROM unnest(a.vehicles) AS v ORDER BY v), sl.r
FROM slot sl
LEFT JOIN agg a USING (sid)
