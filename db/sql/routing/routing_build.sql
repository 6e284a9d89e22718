-- Node every road line into routing edges, in metres (EPSG:32647): ends closer than :snap_m are joined, an end
-- :snap_m or less from another line is moved onto it, lines are cut where they cross or touch; each piece keeps
-- its road's class and costs length / speed(class) seconds both ways (:speeds jsonb class → km/h, else
-- :default_kmh). Inserts the vertices and the edges in one statement; pieces are numbered by routing_pieces.
WITH part AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY r.road_id, d.path) AS part_id, r.road_id, r.road_class,
           ST_Transform(d.geom, 32647) AS g
    FROM road r CROSS JOIN LATERAL ST_Dump(r.geom) d
    WHERE ST_NPoints(d.geom) >= 2
), ends AS (  -- both ends of every line, clustered within :snap_m
    SELECT part_id, e.at, e.p, ST_ClusterDBSCAN(e.p, eps := :snap_m, minpoints := 1) OVER () AS cluster
    FROM part CROSS JOIN LATERAL (VALUES (0, ST_StartPoint(g)), (-1, ST_EndPoint(g))) e(at, p)
), cluster AS (
    SELECT cluster, count(*) AS ends, count(DISTINCT ST_AsBinary(p)) AS places, ST_Centroid(ST_Collect(p)) AS centre
    FROM ends GROUP BY cluster
), joined AS MATERIALIZED (  -- ends of a cluster meet at its centre; an end alone in its cluster dangles
    SELECT e.part_id, e.at, CASE WHEN c.places > 1 THEN c.centre ELSE e.p END AS p, c.ends = 1 AS dangling
    FROM ends e JOIN cluster c USING (cluster)
), rejoined AS MATERIALIZED (
    SELECT pt.part_id, pt.road_id, pt.road_class, ST_SetPoint(ST_SetPoint(pt.g, 0, j.s), -1, j.e) AS g
    FROM part pt
    JOIN (SELECT part_id, (array_agg(p) FILTER (WHERE at = 0))[1] AS s, (array_agg(p) FILTER (WHERE at = -1))[1] AS e
          FROM joined GROUP BY part_id) j USING (part_id)
), placed AS (  -- a dangling end near another line goes onto that line (an undershot junction)
    SELECT j.part_id, j.at, COALESCE(ST_ClosestPoint(near.g, j.p), j.p) AS p
    FROM joined j LEFT JOIN LATERAL (
        SELECT o.g FROM rejoined o
        WHERE j.dangling AND o.part_id <> j.part_id AND ST_DWithin(o.g, j.p, :snap_m)
        ORDER BY ST_Distance(o.g, j.p), o.part_id LIMIT 1) near ON true
), moved AS MATERIALIZED (
    SELECT pt.part_id, pt.road_id, pt.road_class, ST_SetPoint(ST_SetPoint(pt.g, 0, j.s), -1, j.e) AS g
    FROM part pt
    JOIN (SELECT part_id, (array_agg(p) FILTER (WHERE at = 0))[1] AS s, (array_agg(p) FILTER (WHERE at = -1))[1] AS e
          FROM placed GROUP BY part_id) j USING (part_id)
), node AS MATERIALIZED (  -- where edges must end: every line end, and every point where lines cross or touch
    SELECT p FROM moved CROSS JOIN LATERAL (VALUES (ST_StartPoint(g)), (ST_EndPoint(g))) e(p)
    UNION ALL
    SELECT p FROM ST_Dump(ST_Node((SELECT ST_Collect(g) FROM moved))) d
    CROSS JOIN LATERAL (VALUES (ST_StartPoint(d.geom)), (ST_EndPoint(d.geom))) e(p)
), piece AS (
    SELECT m.part_id, m.road_id, m.road_class, d.path[1] AS k, d.geom AS g
    FROM moved m
    CROSS JOIN LATERAL (SELECT ST_Collect(n.p) AS pts FROM node n WHERE ST_DWithin(n.p, m.g, 0.01)) cut
    CROSS JOIN LATERAL ST_Dump(ST_Split(ST_Snap(m.g, cut.pts, 0.01), cut.pts)) d
), edge AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY road_id, part_id, k) AS id, road_id, road_class, g, ST_Length(g) AS length_m,
           round(ST_X(ST_StartPoint(g))::numeric, 3) AS sx, round(ST_Y(ST_StartPoint(g))::numeric, 3) AS sy,
           round(ST_X(ST_EndPoint(g))::numeric, 3) AS tx, round(ST_Y(ST_EndPoint(g))::numeric, 3) AS ty
    FROM piece WHERE ST_Length(g) > 0.01
), vertex AS (
    SELECT row_number() OVER (ORDER BY x, y) AS id, x, y
    FROM (SELECT sx AS x, sy AS y FROM edge UNION SELECT tx, ty FROM edge) xy
), new_vertex AS (
    INSERT INTO road_vertex (id, geom)
    SELECT id, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 32647), 4326) FROM vertex
    RETURNING id
)
INSERT INTO road_edge (id, road_id, source, target, road_class, length_m, cost_s, reverse_cost_s, geom)
SELECT e.id, e.road_id, s.id, t.id, e.road_class, e.length_m, e.length_m / c.mps, e.length_m / c.mps,
       ST_Transform(e.g, 4326)
FROM edge e
JOIN vertex s ON (s.x, s.y) = (e.sx, e.sy)
JOIN vertex t ON (t.x, t.y) = (e.tx, e.ty)
CROSS JOIN LATERAL (SELECT COALESCE((CAST(:speeds AS jsonb) ->> e.road_class)::float8, :default_kmh) / 3.6 AS mps) c
