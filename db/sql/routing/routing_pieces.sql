-- Number the connected pieces of the network on its vertices: 1 is the piece with the most vertices.
UPDATE road_vertex v SET piece = c.piece
FROM (SELECT node, dense_rank() OVER (ORDER BY size DESC, component) AS piece
      FROM (SELECT component, node, count(*) OVER (PARTITION BY component) AS size
            FROM pgr_connectedComponents(
                'SELECT id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM road_edge')) cc) c
WHERE v.id = c.node
