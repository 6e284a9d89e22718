-- Empty the routing network before it is rebuilt from road (edges first: they reference the vertices).
WITH gone AS (DELETE FROM road_edge RETURNING id)
DELETE FROM road_vertex
