-- Serialise loads of one dataset: held until the load's transaction ends.
SELECT pg_advisory_xact_lock(hashtext(:key))
