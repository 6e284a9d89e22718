-- Record a prune's horizon: the first local day (zone :tz) starting at or after :hi, the end of the last
-- month dropped; presence of earlier days is kept and never recomputed.
INSERT INTO track_retention (etl_run_id, kept_before)
VALUES (:run_id, CAST((CAST(:hi AS timestamptz) - interval '1 microsecond') AT TIME ZONE CAST(:tz AS text) AS date) + 1)
