-- First and last fix between :lo and :hi, as local dates in zone :tz: two probes of the primary key
-- (vehicle_id, ts) per vehicle instead of a scan of the month.
SELECT CAST(min(f.ts) AT TIME ZONE CAST(:tz AS text) AS date) AS first_day,
       CAST(max(l.ts) AT TIME ZONE CAST(:tz AS text) AS date) AS last_day
FROM vehicle AS v
CROSS JOIN LATERAL (SELECT ts FROM track_point AS p
                    WHERE p.vehicle_id = v.vehicle_id AND p.ts >= :lo AND p.ts < :hi
                    ORDER BY p.ts LIMIT 1) AS f
CROSS JOIN LATERAL (SELECT ts FROM track_point AS p
                    WHERE p.vehicle_id = v.vehicle_id AND p.ts >= :lo AND p.ts < :hi
                    ORDER BY p.ts DESC LIMIT 1) AS l
