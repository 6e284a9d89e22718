-- Move the month's points out of the default partition into the month's new table.
WITH moved AS (
    DELETE FROM track_point_default
    WHERE ts >= :lo AND ts < :hi
    RETURNING vehicle_id, ts, geom, speed_kmh, heading
)
INSERT INTO {table} (vehicle_id, ts, geom, speed_kmh, heading)
SELECT vehicle_id, ts, geom, speed_kmh, heading
FROM moved
