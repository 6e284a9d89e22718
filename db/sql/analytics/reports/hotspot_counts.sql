-- Hexagons of edge :size_m metres (UTM 47N) meeting the selected counties, each with its count of
-- matching hazards (zero-count hexagons included). NULL filters mean "all"; the period is inclusive.
-- A hazard on an edge shared by two hexagons is counted once, in the one with the smallest (i, j).
WITH area AS (
    SELECT ST_Union(ST_Transform(geom, 32647)) AS geom
    FROM county
    WHERE CAST(:county_adcodes AS text[]) IS NULL OR adcode = ANY(CAST(:county_adcodes AS text[]))
), grid AS (
    SELECT h.i, h.j, h.geom
    FROM area CROSS JOIN LATERAL ST_HexagonGrid(CAST(:size_m AS float8), area.geom) AS h
    WHERE ST_Intersects(h.geom, area.geom)
), located AS (
    SELECT DISTINCT ON (z.hazard_id) h.i, h.j
    FROM hazard AS z
    CROSS JOIN LATERAL ST_Transform(z.geom, 32647) AS p(geom)
    CROSS JOIN LATERAL ST_HexagonGrid(CAST(:size_m AS float8), p.geom) AS h
    WHERE ST_Intersects(h.geom, p.geom)
      AND (CAST(:county_adcodes AS text[]) IS NULL OR z.county_adcode = ANY(CAST(:county_adcodes AS text[])))
      AND (CAST(:date_from AS date) IS NULL OR z.found_on >= CAST(:date_from AS date))
      AND (CAST(:date_to AS date) IS NULL OR z.found_on <= CAST(:date_to AS date))
      AND (CAST(:kinds AS text[]) IS NULL OR z.kind = ANY(CAST(:kinds AS text[])))
      AND (CAST(:categories AS text[]) IS NULL OR z.category = ANY(CAST(:categories AS text[])))
      AND (CAST(:statuses AS text[]) IS NULL OR z.status = ANY(CAST(:statuses AS text[])))
    ORDER BY z.hazard_id, h.i, h.j
), counted AS (
    SELECT i, j, count(*) AS n FROM located GROUP BY i, j
)
SELECT g.i, g.j,
       ST_X(c.geom) AS x, ST_Y(c.geom) AS y,
       round(ST_X(ll.geom)::numeric, 5)::float8 AS lon, round(ST_Y(ll.geom)::numeric, 5)::float8 AS lat,
       coalesce(counted.n, 0)::int AS hazard_count,
       coalesce(counted.n, 0) / (ST_Area(g.geom) / 1e6) AS per_km2,
       ST_AsGeoJSON(ST_Transform(g.geom, 4326), 5) AS geojson
FROM grid AS g
CROSS JOIN LATERAL ST_Centroid(g.geom) AS c(geom)
CROSS JOIN LATERAL ST_Transform(c.geom, 4326) AS ll(geom)
LEFT JOIN counted USING (i, j)
ORDER BY g.i, g.j
