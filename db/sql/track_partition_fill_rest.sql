-- Fill a month's new table that already holds points moved from the default partition: those stay.
INSERT INTO {table} (vehicle_id, ts, geom, speed_kmh, heading)
SELECT s.vehicle_id, s.ts AT TIME ZONE 'UTC', ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), s.speed, s.heading
FROM stage_track AS s
WHERE s.ts >= :lo AND s.ts < :hi
  AND NOT EXISTS (SELECT 1 FROM {table} AS t WHERE t.vehicle_id = s.vehicle_id AND t.ts = s.ts AT TIME ZONE 'UTC')
