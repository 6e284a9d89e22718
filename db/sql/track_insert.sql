-- Insert the staged points of months whose partition existed before this load; a stored point is kept.
-- :fresh lists the local (Asia/Shanghai) months whose partitions this load built and filled already.
INSERT INTO track_point (vehicle_id, ts, geom, speed_kmh, heading)
SELECT vehicle_id, ts AT TIME ZONE 'UTC', ST_SetSRID(ST_MakePoint(lon, lat), 4326), speed, heading
FROM stage_track
WHERE date_trunc('month', (ts AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') <> ALL (CAST(:fresh AS timestamp[]))
ON CONFLICT (vehicle_id, ts) DO NOTHING
