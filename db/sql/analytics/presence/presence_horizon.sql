-- The retention horizon: the latest day before which a prune dropped tracks (NULL when none ever did).
-- Presence of earlier days is kept as it is: it can no longer be recomputed.
SELECT max(kept_before) FROM track_retention
