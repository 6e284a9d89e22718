-- The loaded keys a file refers to, in one query: schools, officers, units (by code or by name), roads, vehicles,
-- and every county by adcode, Chinese and English name.
SELECT 'school' AS kind, school_code AS key, school_code AS alias, county_adcode AS county
FROM school WHERE school_code = ANY(CAST(:schools AS text[]))
UNION ALL
SELECT 'officer', badge_no, badge_no, NULL FROM officer WHERE badge_no = ANY(CAST(:officers AS text[]))
UNION ALL
SELECT 'unit', unit_code, unit_code, county_adcode FROM police_unit WHERE unit_code = ANY(CAST(:units AS text[]))
UNION ALL
SELECT 'unit', unit_code, name, county_adcode FROM police_unit WHERE name = ANY(CAST(:units AS text[]))
UNION ALL
SELECT 'road', road_id, road_id, county_adcode FROM road WHERE road_id = ANY(CAST(:roads AS text[]))
UNION ALL
SELECT 'vehicle', vehicle_id, vehicle_id, NULL FROM vehicle WHERE vehicle_id = ANY(CAST(:vehicles AS text[]))
UNION ALL
SELECT 'county', adcode, alias, adcode FROM county, unnest(ARRAY[adcode, name_zh, lower(name_en)]) AS alias
