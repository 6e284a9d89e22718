-- One stored plan's header by id.
SELECT plan_id, made_at, made_by, service_date, window_name, window_start, window_end, county_adcode, dwell_min,
       params, inputs, schools, covered, prize_total, prize_covered
FROM patrol_plan WHERE plan_id = :plan_id
