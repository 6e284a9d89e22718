-- The vehicles a plan may use on :on (a date) in :counties (NULL = all): in service, not unavailable that day
-- (vehicle_unavailable, both dates included), with a unit that has a position; the unit's point is the depot.
SELECT v.vehicle_id, v.vehicle_type, u.unit_code, u.name AS unit_name, u.county_adcode,
       ST_X(u.geom) AS lon, ST_Y(u.geom) AS lat
FROM vehicle v
JOIN police_unit u ON u.unit_code = v.unit_code
WHERE v.in_service
  AND u.geom IS NOT NULL AND NOT ST_IsEmpty(u.geom)
  AND (CAST(:counties AS text[]) IS NULL OR u.county_adcode = ANY(CAST(:counties AS text[])))
  AND NOT EXISTS (SELECT 1 FROM vehicle_unavailable x
                  WHERE x.vehicle_id = v.vehicle_id AND CAST(:on AS date) BETWEEN x.date_from AND x.date_to)
ORDER BY u.county_adcode, u.unit_code, v.vehicle_id
