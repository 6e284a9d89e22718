-- Fill a month's new (empty) table with the staged points of that month (bounds in UTC, as staged).
INSERT INTO {table} (vehicle_id, ts, geom, speed_kmh, heading)
SELECT vehicle_id, ts AT TIME ZONE 'UTC', ST_SetSRID(ST_MakePoint(lon, lat), 4326), speed, heading
FROM stage_track
WHERE ts >= :lo AND ts < :hi
