-- Roads meeting the selected counties (:counties NULL = all) for a print map: UTM 47N WKB simplified by
-- :tolerance_m metres, with name and class.
WITH area AS (
    SELECT ST_Union(geom) AS geom FROM county
    WHERE CAST(:counties AS text[]) IS NULL OR adcode = ANY(CAST(:counties AS text[]))
)
SELECT r.road_id, r.name, r.road_class,
       ST_AsBinary(ST_Simplify(ST_Transform(r.geom, 32647), CAST(:tolerance_m AS float8))) AS wkb
FROM road r CROSS JOIN area
WHERE ST_Intersects(r.geom, area.geom)
ORDER BY r.road_id
