-- County outlines (simplified GeoJSON) and label points for the dashboard's basemap.
SELECT adcode, name_zh, name_en, geojson, label_lon, label_lat
FROM v_county_map
ORDER BY adcode
