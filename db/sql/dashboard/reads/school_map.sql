-- Schools as map points, for all counties or only those in :counties (a text array).
SELECT school_code, name, school_type, county_adcode, county_zh, county_en, township, pupils, lon, lat
FROM v_school_map
WHERE (:all_counties OR county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY county_adcode, school_type, school_code
