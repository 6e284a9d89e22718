-- Travel seconds along the roads between the attached points (vids -pid), undirected; no row where no path.
SELECT -start_vid AS from_pid, -end_vid AS to_pid, agg_cost
FROM pgr_withPointsCostMatrix(
    'SELECT id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM road_edge',
    'SELECT pid, edge_id, fraction FROM json_to_recordset(current_setting(''xiaoan.route_points'')::json)
         AS p(pid bigint, edge_id bigint, fraction float8)',
    CAST(:vids AS bigint[]), directed => false)
