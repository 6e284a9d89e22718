-- A stored plan's routes with their unit's name and stop count; geom the route line (NULL when not drawn).
SELECT r.plan_id, r.route_no, r.vehicle_id, r.unit_code, u.name AS unit_name, r.county_adcode, r.travel_s,
       (SELECT count(*) FROM patrol_plan_stop s WHERE s.plan_id = r.plan_id AND s.vehicle_id = r.vehicle_id)
           AS stops,
       r.geom
FROM patrol_plan_route r
LEFT JOIN police_unit u ON u.unit_code = r.unit_code
WHERE r.plan_id = :plan_id
ORDER BY r.route_no
