-- First and last GPS fix in the database.
SELECT min(ts) AS first_ts, max(ts) AS last_ts FROM track_point
