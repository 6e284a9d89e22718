-- Insert the staged points of months whose partition existed before this load; a stored point is kept.
-- :fresh lists the local (Asia/Shanghai) months whose partitions this load built and filled already.
INSERT INTO track_point (vehicle_id, ts, geom, speed_kmh, heading)
SELECT v.vehicle_id, s.ts AT TIME ZONE 'UTC', ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326),
       NULLIF(s.speed, 'NaN'), NULLIF(s.heading, 'NaN')
FROM stage_track AS s
JOIN stage_vehicle AS v USING (vehicle)
WHERE date_trunc('month', (s.ts AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') <> ALL (CAST(:fresh AS timestamp[]))
ON CONFLICT (vehicle_id, ts) DO NOTHING
