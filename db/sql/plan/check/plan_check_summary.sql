-- Every stop of plan :plan_id with its check (NULL columns: pending, the GPS has not passed the window yet).
SELECT s.plan_id, s.vehicle_id, s.seq, s.school_code, sc.name AS school_name, s.county_adcode, s.arrive,
       c.kept, c.late, c.inside_min, c.first_seen, c.kept_by, c.plan_id IS NOT NULL AS checked
FROM patrol_plan_stop s
LEFT JOIN patrol_plan_check c ON c.plan_id = s.plan_id AND c.vehicle_id = s.vehicle_id AND c.seq = s.seq
LEFT JOIN school sc ON sc.school_code = s.school_code
WHERE s.plan_id = :plan_id
ORDER BY s.arrive, s.vehicle_id, s.seq
