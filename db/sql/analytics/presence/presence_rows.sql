-- Presence of patrol vehicles at school gates, per school × school day × peak window.
-- A vehicle's path is the straight segment between consecutive GPS points less than :gap_s apart,
-- travelled at constant speed; a lone point is a path of one instant. A window [start, end) is present
-- when some path is within R metres of the gate at some instant inside it. Distances in UTM 47N.
-- How it is fast: the windows (± :gap_s) make a few disjoint spans; each vehicle's fixes of a span come by
-- the primary key, one index range, in time order, as arrays whose unnest pairs each fix with the next (no
-- sort of the day, no window function). A path finds its candidate gates by a hash join on a 250 m grid cell
-- of its midpoint (gates are entered in every cell within reach), paths longer than 500 m by the GiST index
-- on school.gate_utm; then its slots by (gate, span). Inside, times are seconds since 1970 as float8 (within
-- 0.12 µs until 2038), so a gap is compared with :gap_s + 0.5 µs: exact for times of whole microseconds.
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
), slot0 AS MATERIALIZED (
    SELECT row_number() OVER () AS sid, g.gid, g.school_code, g.gx, g.gy, g.r, w.name, d.day,
           (d.day + w.starts) AT TIME ZONE CAST(:tz AS text) AS w0,
           (d.day + w.ends) AT TIME ZONE CAST(:tz AS text) AS w1
    FROM gate g
    JOIN win w ON w.school_type = g.school_type
               OR (w.school_type IS NULL AND NOT EXISTS (
                   SELECT 1 FROM win o WHERE o.school_type = g.school_type AND o.name = w.name))
    CROSS JOIN days d
), span AS MATERIALIZED (  -- every instant a path inside a window can start or end at, as disjoint numbered ranges
    SELECT row_number() OVER (ORDER BY r) AS spid, r
    FROM (SELECT unnest(range_agg(tstzrange(w0 - make_interval(secs => :gap_s), w1 + make_interval(secs => :gap_s))))
              AS r FROM slot0) AS u
), slot AS MATERIALIZED (  -- with the span its window lies in (a path in the window starts in that span)
    SELECT sl.*, sp.spid, date_part('epoch', sl.w0) AS e0, date_part('epoch', sl.w1) AS e1
    FROM slot0 sl LEFT JOIN span sp ON sp.r @> sl.w0
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
), veh AS MATERIALIZED (  -- vehicles numbered in the order of their ids
    SELECT row_number() OVER (ORDER BY vehicle_id) AS vno, vehicle_id FROM vehicle
), fx AS (  -- each vehicle's fixes of each span, in time order (by the primary key), as arrays
    SELECT v.vno, sp.spid, f.t, f.x, f.y
    FROM veh v CROSS JOIN span sp
    CROSS JOIN LATERAL (  -- the aggregates read the ordered subquery directly, nothing between: in time order
                        SELECT array_agg(date_part('epoch', q.ts)) AS t, array_agg(ST_X(q.g)) AS x,
                               array_agg(ST_Y(q.g)) AS y
                        FROM (SELECT p.ts, ST_Transform(p.geom, 32647) AS g FROM track_point p
                              WHERE p.vehicle_id = v.vehicle_id AND p.ts >= lower(sp.r) AND p.ts < upper(sp.r)
                              ORDER BY p.ts) AS q
                        HAVING count(*) > 0) AS f
), seg AS MATERIALIZED (  -- a fix to the next one when less than :gap_s apart, else the fix alone; 250 m cells, and
    -- 250000 m² = (500 m)², as in reach: literals, so that the planner sees them
    SELECT vno, spid, t0, x0, y0, t1, x1, y1, mx, my, len2,
           CAST(floor(mx / 250.0) AS int) AS cx,
           CAST(floor(my / 250.0) AS int) AS cy,
           ((SELECT d FROM reach) + sqrt(len2) / 2 + 1) * ((SELECT d FROM reach) + sqrt(len2) / 2 + 1) AS rr
    FROM (SELECT *, (x0 + x1) / 2 AS mx, (y0 + y1) / 2 AS my, (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0) AS len2
    FROM (SELECT fx.vno, fx.spid, s.t0, s.x0, s.y0,
                 CASE WHEN s.nx_t - s.t0 <= CAST(:gap_s AS float8) + 5e-7 THEN s.nx_t ELSE s.t0 END AS t1,
                 CASE WHEN s.nx_t - s.t0 <= CAST(:gap_s AS float8) + 5e-7 THEN s.nx_x ELSE s.x0 END AS x1,
                 CASE WHEN s.nx_t - s.t0 <= CAST(:gap_s AS float8) + 5e-7 THEN s.nx_y ELSE s.y0 END AS y1
          FROM fx CROSS JOIN LATERAL unnest(fx.t, fx.t[2:], fx.x, fx.x[2:], fx.y, fx.y[2:])
              AS s(t0, nx_t, x0, nx_x, y0, nx_y)) AS s) AS s
), near AS (  -- path pieces within d of a gate (a superset is harmless: farther ones add nothing)
    SELECT sg.vno, sg.spid, sg.t0, sg.t1, sg.x0, sg.y0, sg.x1, sg.y1, c.gid
    FROM seg sg JOIN cell c ON c.cx = sg.cx AND c.cy = sg.cy
    WHERE sg.len2 <= 250000.0
      AND (c.gx - sg.mx) * (c.gx - sg.mx) + (c.gy - sg.my) * (c.gy - sg.my) <= sg.rr
    UNION ALL
    SELECT sg.vno, sg.spid, sg.t0, sg.t1, sg.x0, sg.y0, sg.x1, sg.y1, g.gid
    FROM seg sg
    JOIN school s ON ST_DWithin(s.gate_utm, ST_MakeLine(ST_SetSRID(ST_MakePoint(sg.x0, sg.y0), 32647),
                                                        ST_SetSRID(ST_MakePoint(sg.x1, sg.y1), 32647)),
                               (SELECT d FROM reach))
    JOIN gate g ON g.school_code = s.school_code
    WHERE sg.len2 > 250000.0
), piece AS (  -- ... during one of that school's windows: xiaoan_segment_near_gate inlined, step by step
    SELECT sid, r, e0, e1, vno, t0, dur, dx, dy, fx, fy, dx * dx + dy * dy AS a, fx * dx + fy * dy AS half_b,
           fx * fx + fy * fy - r * r AS c,
           CASE WHEN dur > 0 THEN GREATEST(0, (e0 - t0) / dur) ELSE 0 END AS lo,
           CASE WHEN dur > 0 THEN LEAST(1, (e1 - t0) / dur) ELSE 0 END AS hi
    FROM (SELECT sl.sid, sl.r, sl.e0, sl.e1, n.vno, n.t0, n.t1 - n.t0 AS dur, n.x1 - n.x0 AS dx,
                 n.y1 - n.y0 AS dy, n.x0 - sl.gx AS fx, n.y0 - sl.gy AS fy
          FROM near n
          JOIN slot sl ON sl.gid = n.gid AND sl.spid = n.spid AND n.t1 >= sl.e0 AND n.t0 < sl.e1
          OFFSET 0) AS v
    OFFSET 0
), solved AS (
    SELECT sid, r, e0, e1, vno, t0, dur, dx, dy, fx, fy,
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
    SELECT sid, r, vno, closest_m,
           CASE WHEN t_in < e1 THEN GREATEST(t_in, e0) END AS enter_at,
           CASE WHEN t_in < e1 THEN LEAST(t_out, e1) END AS leave_at
    FROM (SELECT sid, r, vno, e0, e1,
                 sqrt((fx + s_close * dx) * (fx + s_close * dx) + (fy + s_close * dy) * (fy + s_close * dy)) AS closest_m,
                 CASE WHEN s_in <= s_out THEN t0 + s_in * dur END AS t_in,
                 CASE WHEN s_in <= s_out THEN t0 + s_out * dur END AS t_out
          FROM solved OFFSET 0) AS h
), agg AS (
    SELECT sid, min(closest_m) FILTER (WHERE closest_m <= GREATEST(CAST(:near_m AS float8), r))
               AS min_distance_m,
           min(enter_at) AS first_seen, max(leave_at) AS last_seen,
           range_agg(tstzrange(to_timestamp(enter_at), to_timestamp(leave_at), '[]'))
               FILTER (WHERE enter_at IS NOT NULL) AS inside,
           array_agg(vno) FILTER (WHERE enter_at IS NOT NULL) AS vehicles
    FROM hit GROUP BY sid
)
SELECT sl.school_code, sl.day, sl.name, a.first_seen IS NOT NULL, to_timestamp(a.first_seen),
       to_timestamp(a.last_seen),
       COALESCE((SELECT sum(date_part('epoch', upper(r) - lower(r))) FROM unnest(a.inside) AS r), 0) / 60.0,
       a.min_distance_m,
       ARRAY(SELECT (SELECT array_agg(vehicle_id ORDER BY vno) FROM veh)[n]
             FROM (SELECT DISTINCT unnest(a.vehicles) AS n) AS u ORDER BY n), sl.r
FROM slot sl
LEFT JOIN agg a USING (sid)
