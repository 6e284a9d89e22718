-- The police units of :counties (NULL = all) that have a position: where sizing may add a vehicle (its depot),
-- whether or not the unit has a vehicle today.
SELECT u.unit_code, u.name AS unit_name, u.county_adcode, ST_X(u.geom) AS lon, ST_Y(u.geom) AS lat
FROM police_unit u
WHERE u.geom IS NOT NULL AND NOT ST_IsEmpty(u.geom) AND u.county_adcode IS NOT NULL
  AND (CAST(:counties AS text[]) IS NULL OR u.county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY u.county_adcode, u.unit_code
