-- Each leg's path as one line: off-road from the point to its edge, along the roads (pgr_withPoints, undirected),
-- off-road to the other point. Points and legs come from routing_use_points (legs as source/target = -pid).
WITH pt AS (
    SELECT p.pid, p.fraction, e.source, e.target, ST_Transform(e.geom, 32647) AS edge_m,
           ST_Transform(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), 32647) AS at_m
    FROM json_to_recordset(current_setting('xiaoan.route_points')::json)
         AS p(pid bigint, edge_id bigint, fraction float8, lon float8, lat float8)
    JOIN road_edge e ON e.id = p.edge_id
), path AS (
    SELECT w.start_pid, w.end_pid, w.path_seq, w.node, w.edge, w.agg_cost,
           lead(w.node) OVER (PARTITION BY w.start_pid, w.end_pid ORDER BY w.path_seq) AS next_node
    FROM pgr_withPoints(
        'SELECT id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM road_edge',
        'SELECT pid, edge_id, fraction FROM json_to_recordset(current_setting(''xiaoan.route_points'')::json)
             AS p(pid bigint, edge_id bigint, fraction float8)',
        'SELECT source, target FROM json_to_recordset(current_setting(''xiaoan.route_legs'')::json)
             AS l(source bigint, target bigint)',
        directed => false) w
), step AS (  -- each edge walked, from fraction f0 to f1 (a point's own fraction, 0 at the source, 1 at the target)
    SELECT path.start_pid, path.end_pid, path.path_seq, ST_Transform(e.geom, 32647) AS m,
           CASE WHEN path.node < 0 THEN (SELECT fraction FROM pt WHERE pid = -path.node)
                WHEN path.node = e.source THEN 0.0 ELSE 1.0 END AS f0,
           CASE WHEN path.next_node < 0 THEN (SELECT fraction FROM pt WHERE pid = -path.next_node)
                WHEN path.next_node = e.source THEN 0.0 ELSE 1.0 END AS f1
    FROM path JOIN road_edge e ON e.id = path.edge
), part AS (
    SELECT start_pid, end_pid, path_seq AS k,
           CASE WHEN f0 <= f1 THEN ST_LineSubstring(m, f0, f1) ELSE ST_Reverse(ST_LineSubstring(m, f1, f0)) END AS g
    FROM step
    UNION ALL  -- the off-road connectors at both ends
    SELECT l.start_pid, l.end_pid, k, ST_MakeLine(a, b)
    FROM (SELECT DISTINCT start_pid, end_pid FROM path) l
    JOIN pt s ON s.pid = -l.start_pid
    JOIN pt t ON t.pid = -l.end_pid
    CROSS JOIN LATERAL (VALUES (-1, s.at_m, ST_LineInterpolatePoint(s.edge_m, s.fraction)),
                               (1000000000, ST_LineInterpolatePoint(t.edge_m, t.fraction), t.at_m)) c(k, a, b)
)
SELECT -part.start_pid AS from_pid, -part.end_pid AS to_pid, cost.agg_cost,
       ST_AsBinary(ST_Transform(ST_MakeLine(part.g ORDER BY part.k), 4326)) AS wkb
FROM part
JOIN (SELECT start_pid, end_pid, max(agg_cost) AS agg_cost FROM path GROUP BY 1, 2) cost USING (start_pid, end_pid)
GROUP BY part.start_pid, part.end_pid, cost.agg_cost
