-- Roads of the basemap in the selected counties (:counties NULL = all), simplified by :tolerance_m metres
-- in UTM 47N and rounded to 5 decimals, with their vertex count so that the caller can keep a budget.
WITH area AS (
    SELECT ST_Union(geom) AS geom FROM county
    WHERE CAST(:counties AS text[]) IS NULL OR adcode = ANY(CAST(:counties AS text[]))
), simple AS (
    SELECT r.road_id, r.name, r.road_class,
           ST_Transform(ST_Simplify(ST_Transform(r.geom, 32647), CAST(:tolerance_m AS float8)), 4326) AS geom
    FROM road r CROSS JOIN area
    WHERE ST_Intersects(r.geom, area.geom)
)
SELECT road_id, name, road_class, ST_AsGeoJSON(geom, 5) AS geojson, ST_NPoints(geom) AS vertices
FROM simple
WHERE NOT ST_IsEmpty(geom)
ORDER BY road_id
