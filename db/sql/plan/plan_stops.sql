-- A stored plan's stops in route order, each at its school's main gate (school.gate_geom).
SELECT s.plan_id, r.route_no, s.vehicle_id, s.seq, s.school_code, sc.name AS school_name, s.county_adcode,
       s.arrive, s.depart, s.travel_s, s.priority, s.priority_parts, sc.gate_geom AS geom
FROM patrol_plan_stop s
JOIN patrol_plan_route r ON r.plan_id = s.plan_id AND r.vehicle_id = s.vehicle_id
LEFT JOIN school sc ON sc.school_code = s.school_code
WHERE s.plan_id = :plan_id
ORDER BY r.route_no, s.seq
