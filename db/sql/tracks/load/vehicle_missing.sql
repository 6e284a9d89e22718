-- Which of the named vehicles the vehicle table lacks.
SELECT v.vehicle_id
FROM unnest(CAST(:ids AS text[])) AS v(vehicle_id)
WHERE NOT EXISTS (SELECT 1 FROM vehicle AS known WHERE known.vehicle_id = v.vehicle_id)
ORDER BY v.vehicle_id
