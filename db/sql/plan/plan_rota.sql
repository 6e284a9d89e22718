-- The stored plans of a weekly rota: made with params.rota.from = :first for :window and :county (NULL = the
-- whole prefecture), the newest plan of each rota day, in day order.
SELECT DISTINCT ON (service_date) plan_id, service_date
FROM patrol_plan
WHERE params -> 'rota' ->> 'from' = CAST(:first AS text)
  AND window_name = :window
  AND county_adcode IS NOT DISTINCT FROM CAST(:county AS text)
ORDER BY service_date, made_at DESC, plan_id DESC
