-- Fill the new month tables attached to track_fill with their staged points in one scan of the staging table.
-- :months lists those local (Asia/Shanghai) months.
INSERT INTO track_fill (vehicle_id, ts, geom, speed_kmh, heading)
SELECT v.vehicle_id, s.ts AT TIME ZONE 'UTC', ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326),
       NULLIF(s.speed, 'NaN'), NULLIF(s.heading, 'NaN')
FROM stage_track AS s
JOIN stage_vehicle AS v USING (vehicle)
WHERE date_trunc('month', (s.ts AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') = ANY (CAST(:months AS timestamp[]))
