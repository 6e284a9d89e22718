-- Size of the routing network: edges, vertices, pieces, kilometres, and the share of vertices in piece 1.
SELECT (SELECT count(*) FROM road_edge) AS edges, count(*) AS vertices, count(DISTINCT piece) AS pieces,
       COALESCE((SELECT sum(length_m) FROM road_edge), 0) / 1000.0 AS km,
       COALESCE(avg(CASE WHEN piece = 1 THEN 1.0 ELSE 0.0 END), 0) AS main_share
FROM road_vertex
