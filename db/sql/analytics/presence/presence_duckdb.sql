-- DuckDB dialect (spatial extension), not PostGIS: presence_rows.sql and xiaoan_segment_near_gate over the
-- tables fixes(vehicle_id, ts, lon, lat) and schools(school_code, school_type, guard_post, gate_lon, gate_lat).
-- The baseline of bench/presence.py; the same definition step by step, UTM 47N metres, microsecond times.
WITH days AS (
    SELECT unnest(CAST($days AS DATE[])) AS day
), win AS (
    SELECT unnest($names) AS name, unnest($types) AS school_type, CAST(unnest($starts) AS TIME) AS starts,
           CAST(unnest($ends) AS TIME) AS ends
), gate AS (
    SELECT school_code, school_type,
           ST_Transform(ST_Point(gate_lon, gate_lat), 'EPSG:4326', 'EPSG:32647', always_xy := true) AS g,
           CASE WHEN guard_post THEN CAST($guard_radius_m AS DOUBLE) ELSE CAST($radius_m AS DOUBLE) END AS r
    FROM schools
), slot AS MATERIALIZED (
    SELECT g.school_code, ST_X(g.g) AS gx, ST_Y(g.g) AS gy, g.r, w.name, d.day,
           timezone($tz, d.day + w.starts) AS w0, timezone($tz, d.day + w.ends) AS w1
    FROM gate g
    JOIN win w ON w.school_type = g.school_type
               OR (w.school_type IS NULL AND NOT EXISTS (
                   SELECT 1 FROM win o WHERE o.school_type = g.school_type AND o.name = w.name))
    CROSS JOIN days d
), span AS (  -- every instant a path inside a window can start or end at
    SELECT DISTINCT w0 - to_seconds(CAST($gap_s AS BIGINT)) AS lo, w1 + to_seconds(CAST($gap_s AS BIGINT)) AS hi
    FROM slot
), pt AS MATERIALIZED (
    SELECT f.vehicle_id, f.ts,
           ST_Transform(ST_Point(f.lon, f.lat), 'EPSG:4326', 'EPSG:32647', always_xy := true) AS g
    FROM fixes f
    WHERE EXISTS (SELECT 1 FROM span s WHERE f.ts >= s.lo AND f.ts < s.hi)
), seg AS (
    SELECT vehicle_id, ts AS t0, g AS p0,
           CASE WHEN nx_ts - ts <= to_seconds(CAST($gap_s AS BIGINT)) THEN nx_ts ELSE ts END AS t1,
           CASE WHEN nx_ts - ts <= to_seconds(CAST($gap_s AS BIGINT)) THEN nx_g ELSE g END AS p1
    FROM (SELECT *, lead(ts) OVER w AS nx_ts, lead(g) OVER w AS nx_g
          FROM pt WINDOW w AS (PARTITION BY vehicle_id ORDER BY ts))
), near AS MATERIALIZED (  -- path pieces within the largest distance of interest of a gate, per local day
    SELECT sg.vehicle_id, sg.t0, sg.t1, g.school_code, ST_X(sg.p0) AS x0, ST_Y(sg.p0) AS y0,
           ST_X(sg.p1) AS x1, ST_Y(sg.p1) AS y1,
           unnest(list_distinct([CAST(timezone($tz, sg.t0) AS DATE), CAST(timezone($tz, sg.t1) AS DATE)])) AS day
    FROM seg sg
    JOIN gate g ON ST_DWithin(g.g, ST_MakeLine(sg.p0, sg.p1),
                              GREATEST(CAST($near_m AS DOUBLE), CAST($radius_m AS DOUBLE),
                                       CAST($guard_radius_m AS DOUBLE)))
), piece AS (  -- ... during one of that school's windows: xiaoan_segment_near_gate's variables
    SELECT sl.school_code, sl.day, sl.name, sl.r, n.vehicle_id, n.t0, sl.w0, sl.w1, v.*,
           CASE WHEN dur > 0 THEN GREATEST(0, (epoch_us(sl.w0) - epoch_us(n.t0)) / 1e6 / dur) ELSE 0 END AS lo,
           CASE WHEN dur > 0 THEN LEAST(1, (epoch_us(sl.w1) - epoch_us(n.t0)) / 1e6 / dur) ELSE 0 END AS hi
    FROM near n
    JOIN slot sl ON sl.school_code = n.school_code AND sl.day = n.day AND n.t1 >= sl.w0 AND n.t0 < sl.w1
    CROSS JOIN LATERAL (
        SELECT dur, dx, dy, fx, fy, dx * dx + dy * dy AS a, fx * dx + fy * dy AS half_b,
               fx * fx + fy * fy - sl.r * sl.r AS c
        FROM (SELECT (epoch_us(n.t1) - epoch_us(n.t0)) / 1e6 AS dur, n.x1 - n.x0 AS dx, n.y1 - n.y0 AS dy,
                     n.x0 - sl.gx AS fx, n.y0 - sl.gy AS fy)
    ) AS v
), solved AS (
    SELECT *,
           CASE WHEN a = 0 THEN lo ELSE LEAST(GREATEST(-half_b / a, lo), hi) END AS s_close,
           CASE WHEN a = 0 THEN CASE WHEN c <= 0 THEN lo END
                WHEN half_b * half_b - a * c >= 0 THEN GREATEST((-half_b - sqrt(half_b * half_b - a * c)) / a, lo)
           END AS s_in,
           CASE WHEN a = 0 THEN CASE WHEN c <= 0 THEN hi END
                WHEN half_b * half_b - a * c >= 0 THEN LEAST((-half_b + sqrt(half_b * half_b - a * c)) / a, hi)
           END AS s_out
    FROM piece
), hit AS (  -- make_interval(secs => s * dur) rounds to the microsecond like PostgreSQL's rint
    SELECT school_code, day, name, r, vehicle_id, w0, w1,
           sqrt((fx + s_close * dx) ** 2 + (fy + s_close * dy) ** 2) AS closest_m,
           t0 + to_microseconds(CAST(round_even(s_in * dur * 1000000, 0) AS BIGINT)) AS t_in,
           t0 + to_microseconds(CAST(round_even(s_out * dur * 1000000, 0) AS BIGINT)) AS t_out,
           s_in <= s_out AS crosses
    FROM solved
), inside AS (
    SELECT *,
           CASE WHEN crosses AND t_in < w1 THEN GREATEST(t_in, w0) END AS enter_at,
           CASE WHEN crosses AND t_in < w1 THEN LEAST(t_out, w1) END AS leave_at
    FROM hit
), stay AS (  -- the union of the closed ranges [enter_at, leave_at]: what each adds beyond the ones before
    SELECT *, epoch_us(leave_at) - GREATEST(epoch_us(enter_at), COALESCE(max(epoch_us(leave_at)) OVER (
               PARTITION BY school_code, day, name ORDER BY enter_at, leave_at
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), epoch_us(enter_at))) AS gain_us
    FROM inside
), agg AS (
    SELECT school_code, day, name,
           min(closest_m) FILTER (WHERE closest_m <= GREATEST(CAST($near_m AS DOUBLE), r)) AS min_distance_m,
           min(enter_at) AS first_seen, max(leave_at) AS last_seen,
           sum(GREATEST(gain_us, 0)) FILTER (WHERE enter_at IS NOT NULL) AS dwell_us,
           list_sort(list_distinct(list(vehicle_id) FILTER (WHERE enter_at IS NOT NULL))) AS vehicle_ids
    FROM stay GROUP BY school_code, day, name
)
SELECT sl.school_code, sl.day, sl.name AS window_name, a.first_seen IS NOT NULL AS present, a.first_seen,
       a.last_seen, COALESCE(a.dwell_us, 0) / 60e6 AS dwell_min, a.min_distance_m,
       COALESCE(a.vehicle_ids, []) AS vehicle_ids, sl.r AS radius_m
FROM slot sl
LEFT JOIN agg a USING (school_code, day, name)
ORDER BY sl.school_code, sl.day, sl.name
