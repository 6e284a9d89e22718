-- SHA-256 of the last file that went into a dataset (failed and dry runs do not count).
SELECT sha256
FROM etl_run
WHERE dataset = :dataset AND status IN ('loaded', 'partial', 'unchanged')
ORDER BY id DESC
LIMIT 1
