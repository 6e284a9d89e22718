-- Schools of the selected counties (:counties NULL = all) for the exports: name, type, county, township,
-- the school's point and its main gate in WGS-84 (5 decimals).
SELECT s.school_code, s.name, s.school_type, s.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       s.township,
       round(CAST(ST_X(s.geom) AS numeric), 5)::float8 AS lon, round(CAST(ST_Y(s.geom) AS numeric), 5)::float8 AS lat,
       round(CAST(ST_X(s.gate_geom) AS numeric), 5)::float8 AS gate_lon,
       round(CAST(ST_Y(s.gate_geom) AS numeric), 5)::float8 AS gate_lat
FROM school s
JOIN county c ON c.adcode = s.county_adcode
WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
ORDER BY s.county_adcode, s.school_code
