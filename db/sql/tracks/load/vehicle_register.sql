-- Register vehicles first seen in a track file, marked as such, so that none of their points is lost.
INSERT INTO vehicle (vehicle_id, auto_registered, etl_run_id)
SELECT v, true, :run_id
FROM unnest(CAST(:ids AS text[])) AS v
ON CONFLICT (vehicle_id) DO NOTHING
