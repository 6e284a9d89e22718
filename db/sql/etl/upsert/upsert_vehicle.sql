-- Merge staged vehicles into vehicle: a vehicle first seen in a track file gets its unit and is no longer
-- auto-registered; a row identical to the stored one is left untouched.
INSERT INTO vehicle AS v (vehicle_id, plate, unit_code, vehicle_type, in_service, auto_registered, etl_run_id)
SELECT vehicle_id, vehicle_id, unit_code, vehicle_type, in_service, false, :run_id FROM stage_vehicle
ON CONFLICT (vehicle_id) DO UPDATE
SET plate = EXCLUDED.plate, unit_code = EXCLUDED.unit_code, vehicle_type = EXCLUDED.vehicle_type,
    in_service = EXCLUDED.in_service, auto_registered = false, etl_run_id = EXCLUDED.etl_run_id
WHERE (v.plate, v.unit_code, v.vehicle_type, v.in_service, v.auto_registered)
   IS DISTINCT FROM (EXCLUDED.plate, EXCLUDED.unit_code, EXCLUDED.vehicle_type, EXCLUDED.in_service, false)
RETURNING (xmax = 0) AS inserted
