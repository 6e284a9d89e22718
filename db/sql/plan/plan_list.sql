-- Stored plans, newest first: of :on (a date; NULL = any) for :counties (NULL = all; else those counties'
-- plans and the whole-prefecture plans, which cover them). Row-level security hides the rest from xiaoan_web.
SELECT plan_id, made_at, made_by, service_date, window_name, window_start, window_end, county_adcode, dwell_min,
       params, inputs, schools, covered, prize_total, prize_covered
FROM patrol_plan
WHERE (CAST(:on AS date) IS NULL OR service_date = CAST(:on AS date))
  AND (CAST(:counties AS text[]) IS NULL OR county_adcode IS NULL OR county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY made_at DESC, plan_id DESC
