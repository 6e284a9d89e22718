-- A stored plan's uncovered schools, highest priority first, each at its main gate (school.gate_geom).
SELECT u.plan_id, u.school_code, sc.name AS school_name, u.county_adcode, u.reason, u.priority, u.priority_parts,
       u.detail, sc.gate_geom AS geom
FROM patrol_plan_uncovered u
LEFT JOIN school sc ON sc.school_code = u.school_code
WHERE u.plan_id = :plan_id
ORDER BY u.priority DESC, u.school_code
