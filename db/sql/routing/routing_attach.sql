-- Attach each point (:lons[i], :lats[i] as pid i) to the nearest point on a road edge within :access_m metres:
-- the edge, the fraction along it from its source, the off-road distance and the edge's piece; NULLs if none.
-- The fraction stays strictly inside (0, 1): pgRouting turns a point at 0 or 1 into the vertex and reports that id.
WITH p AS (
    SELECT t.i AS pid, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) AS g,
           ST_Transform(ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), 32647) AS m
    FROM unnest(CAST(:lons AS float8[]), CAST(:lats AS float8[])) WITH ORDINALITY AS t(lon, lat, i)
)
SELECT p.pid, a.edge_id, a.fraction, a.offroad_m, a.piece
FROM p LEFT JOIN LATERAL (
    SELECT c.id AS edge_id, least(greatest(ST_LineLocatePoint(c.m, p.m), 1e-6), 1 - 1e-6) AS fraction, ST_Distance(c.m, p.m) AS offroad_m, v.piece
    FROM (SELECT id, source, ST_Transform(geom, 32647) AS m FROM road_edge ORDER BY geom <-> p.g LIMIT 16) c
    JOIN road_vertex v ON v.id = c.source
    WHERE ST_DWithin(c.m, p.m, :access_m)
    ORDER BY ST_Distance(c.m, p.m), c.id LIMIT 1
) a ON true
ORDER BY p.pid
