-- Fill a month's new table that already holds points moved from the default partition: those stay.
INSERT INTO {table} (vehicle_id, ts, geom, speed_kmh, heading)
SELECT v.vehicle_id, s.ts AT TIME ZONE 'UTC', ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326),
       NULLIF(s.speed, 'NaN'), NULLIF(s.heading, 'NaN')
FROM stage_track AS s
JOIN stage_vehicle AS v USING (vehicle)
WHERE s.ts >= :lo AND s.ts < :hi
  AND NOT EXISTS (SELECT 1 FROM {table} AS t WHERE t.vehicle_id = v.vehicle_id AND t.ts = s.ts AT TIME ZONE 'UTC')
