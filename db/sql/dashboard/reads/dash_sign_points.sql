-- Each traffic sign's latest survey up to :as_of (kind, status, day, road), in the selected counties
-- (:counties NULL = all), rounded to 5 decimals for the map.
WITH latest AS (
    SELECT DISTINCT ON (t.sign_code) t.sign_code, t.kind, t.status, t.surveyed_on, t.road_id, t.geom
    FROM traffic_sign t
    WHERE t.surveyed_on <= :as_of
    ORDER BY t.sign_code, t.surveyed_on DESC
)
SELECT l.sign_code, l.kind, l.status, l.surveyed_on, l.road_id, r.name AS road_name,
       round(CAST(ST_X(l.geom) AS numeric), 5)::float8 AS lon, round(CAST(ST_Y(l.geom) AS numeric), 5)::float8 AS lat
FROM latest l
LEFT JOIN road r USING (road_id)
WHERE CAST(:counties AS text[]) IS NULL OR EXISTS (
    SELECT 1 FROM county c WHERE c.adcode = ANY(CAST(:counties AS text[])) AND ST_Intersects(c.geom, l.geom))
ORDER BY l.sign_code
