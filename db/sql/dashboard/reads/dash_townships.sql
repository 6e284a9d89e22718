-- Township seats named on the basemap, in the selected counties (:counties NULL = all).
SELECT county_adcode, name, round(CAST(ST_X(geom) AS numeric), 5)::float8 AS lon,
       round(CAST(ST_Y(geom) AS numeric), 5)::float8 AS lat
FROM township
WHERE CAST(:counties AS text[]) IS NULL OR county_adcode = ANY(CAST(:counties AS text[]))
ORDER BY county_adcode, name
