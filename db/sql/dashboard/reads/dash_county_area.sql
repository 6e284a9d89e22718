-- Area in km² of the selected counties (:counties NULL = all), for sizing the hexagon grid.
SELECT COALESCE(sum(ST_Area(CAST(geom AS geography))) / 1e6, 0) AS km2
FROM county
WHERE CAST(:counties AS text[]) IS NULL OR adcode = ANY(CAST(:counties AS text[]))
