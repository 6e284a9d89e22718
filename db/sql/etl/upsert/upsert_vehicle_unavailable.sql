-- Merge staged unavailability into vehicle_unavailable, keyed by (vehicle, first day); unchanged rows are
-- left untouched.
INSERT INTO vehicle_unavailable AS u (vehicle_id, date_from, date_to, reason, etl_run_id)
SELECT vehicle_id, date_from, date_to, reason, :run_id FROM stage_vehicle_unavailable
ON CONFLICT (vehicle_id, date_from) DO UPDATE
SET date_to = EXCLUDED.date_to, reason = EXCLUDED.reason, etl_run_id = EXCLUDED.etl_run_id
WHERE (u.date_to, u.reason) IS DISTINCT FROM (EXCLUDED.date_to, EXCLUDED.reason)
RETURNING (xmax = 0) AS inserted
