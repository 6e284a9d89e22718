-- First and last fix of the staged file (UTC), the span whose days presence must be recomputed for.
SELECT min(ts) AT TIME ZONE 'UTC' AS first_ts, max(ts) AT TIME ZONE 'UTC' AS last_ts FROM stage_track
