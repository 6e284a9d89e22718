-- Each planned stop of the plans :plans checked against the GPS, once the loaded fixes pass the plan's window end
-- (a plan before that has no rows: pending). The planned vehicle's path — the straight segment between
-- consecutive fixes less than :gap_s apart, a lone fix an instant, exactly as presence — is within R of the gate
-- (R as presence: :guard_radius_m at a school with a guard post, else :radius_m) for inside_min minutes inside
-- the window [window_start, window_end); first_seen is the first instant within R there. kept: inside_min ≥
-- kept_min (:kept_min, NULL = half the plan's dwell); late: kept and first_seen more than :late_min minutes after
-- the planned arrival. kept_by: the other vehicles that kept the stop by the same rule — looked for among the
-- vehicles presence saw within R of that gate in the window of that name (presence is refreshed first).
WITH stop AS MATERIALIZED (
    SELECT s.plan_id, s.vehicle_id, s.seq, s.school_code, s.county_adcode, s.arrive,
           p.service_date, p.window_name, p.window_start AS w0, p.window_end AS w1,
           COALESCE(CAST(:kept_min AS float8), p.dwell_min / 2.0) AS kept_min,
           ST_X(sc.gate_utm) AS gx, ST_Y(sc.gate_utm) AS gy,
           CASE WHEN sc.guard_post THEN CAST(:guard_radius_m AS float8) ELSE CAST(:radius_m AS float8) END AS r
    FROM patrol_plan p
    JOIN patrol_plan_stop s ON s.plan_id = p.plan_id
    JOIN school sc ON sc.school_code = s.school_code
    WHERE p.plan_id = ANY (CAST(:plans AS int[]))
      AND p.window_end <= now()
      AND EXISTS (SELECT 1 FROM track_point t WHERE t.ts >= p.window_end)
), cand AS MATERIALIZED (  -- the planned vehicle, and the others presence saw near the gate in that window
    SELECT st.plan_id, st.vehicle_id, st.seq, st.vehicle_id AS who FROM stop st
    UNION
    SELECT st.plan_id, st.vehicle_id, st.seq, o.who
    FROM stop st
    JOIN presence pr ON pr.school_code = st.school_code AND pr.day = st.service_date
                    AND pr.window_name = st.window_name
    CROSS JOIN LATERAL unnest(pr.vehicle_ids) AS o(who)
), seg AS (  -- each candidate's fixes around the window (the primary key's range), each paired with the next
    SELECT c.plan_id, c.vehicle_id, c.seq, c.who, st.gx, st.gy, st.r, st.w0, st.w1, f.t0, f.x0, f.y0,
           CASE WHEN f.t1 - f.t0 <= make_interval(secs => :gap_s) THEN f.t1 ELSE f.t0 END AS t1,
           CASE WHEN f.t1 - f.t0 <= make_interval(secs => :gap_s) THEN f.x1 ELSE f.x0 END AS x1,
           CASE WHEN f.t1 - f.t0 <= make_interval(secs => :gap_s) THEN f.y1 ELSE f.y0 END AS y1
    FROM cand c
    JOIN stop st ON st.plan_id = c.plan_id AND st.vehicle_id = c.vehicle_id AND st.seq = c.seq
    CROSS JOIN LATERAL (
        SELECT q.ts AS t0, q.x AS x0, q.y AS y0, lead(q.ts) OVER w AS t1, lead(q.x) OVER w AS x1,
               lead(q.y) OVER w AS y1
        FROM (SELECT p.ts, ST_X(ST_Transform(p.geom, 32647)) AS x, ST_Y(ST_Transform(p.geom, 32647)) AS y
              FROM track_point p
              WHERE p.vehicle_id = c.who AND p.ts >= st.w0 - make_interval(secs => :gap_s)
                AND p.ts < st.w1 + make_interval(secs => :gap_s)) AS q
        WINDOW w AS (ORDER BY q.ts)) AS f
), per AS (  -- a vehicle's minutes within R inside the window, and its first instant there
    SELECT sg.plan_id, sg.vehicle_id, sg.seq, sg.who,
           sum(date_part('epoch', h.leave_at - h.enter_at)) / 60.0 AS inside_min, min(h.enter_at) AS first_seen
    FROM seg sg
    CROSS JOIN LATERAL xiaoan_segment_near_gate(sg.t0, sg.x0, sg.y0, sg.t1, sg.x1, sg.y1, sg.gx, sg.gy, sg.r,
                                                sg.w0, sg.w1) AS h
    WHERE h.enter_at IS NOT NULL
    GROUP BY sg.plan_id, sg.vehicle_id, sg.seq, sg.who
)
SELECT st.plan_id, st.vehicle_id, st.seq, st.school_code, st.county_adcode,
       COALESCE(me.inside_min, 0) >= st.kept_min AS kept,
       COALESCE(me.inside_min >= st.kept_min AND me.first_seen > st.arrive + make_interval(mins => :late_min),
                false) AS late,
       COALESCE(me.inside_min, 0) AS inside_min, me.first_seen,
       ARRAY(SELECT o.who FROM per o
             WHERE o.plan_id = st.plan_id AND o.vehicle_id = st.vehicle_id AND o.seq = st.seq
               AND o.who <> st.vehicle_id AND o.inside_min >= st.kept_min ORDER BY o.who) AS kept_by,
       st.r AS radius_m, st.kept_min
FROM stop st
LEFT JOIN per me ON me.plan_id = st.plan_id AND me.vehicle_id = st.vehicle_id AND me.seq = st.seq
                AND me.who = st.vehicle_id
