-- The vehicles plan_vehicles.sql leaves out on :on (a date) for :counties (NULL = all), one row each with the
-- first problem: no_unit (none, e.g. first seen in a track file; listed only for the whole prefecture),
-- unit_without_position, out_of_service (在用 否), unavailable (detail: the reasons and dates of that day).
WITH scoped AS (
    SELECT v.vehicle_id, v.vehicle_type, v.unit_code, u.name AS unit_name, u.county_adcode, v.in_service,
           v.auto_registered, u.unit_code IS NOT NULL AS has_unit,
           u.geom IS NOT NULL AND NOT ST_IsEmpty(u.geom) AS has_position,
           (SELECT string_agg(x.reason || ' ' || x.date_from || '…' || x.date_to, '; ' ORDER BY x.date_from)
            FROM vehicle_unavailable x
            WHERE x.vehicle_id = v.vehicle_id AND CAST(:on AS date) BETWEEN x.date_from AND x.date_to) AS away
    FROM vehicle v
    LEFT JOIN police_unit u ON u.unit_code = v.unit_code
    WHERE CASE WHEN CAST(:counties AS text[]) IS NULL THEN true
               ELSE u.county_adcode = ANY(CAST(:counties AS text[])) END
)
SELECT vehicle_id, vehicle_type, unit_code, unit_name, county_adcode, auto_registered,
       CASE WHEN NOT has_unit THEN 'no_unit' WHEN NOT has_position THEN 'unit_without_position'
            WHEN NOT in_service THEN 'out_of_service' ELSE 'unavailable' END AS problem,
       away AS detail
FROM scoped
WHERE NOT has_unit OR NOT has_position OR NOT in_service OR away IS NOT NULL
ORDER BY county_adcode NULLS FIRST, unit_code, vehicle_id
