-- When the data last changed: the end of the latest load that stored rows.
SELECT max(finished_at) AS as_of
FROM etl_run
WHERE status IN ('loaded', 'partial')
