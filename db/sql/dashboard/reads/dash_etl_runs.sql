-- The latest :limit ETL runs with their counts, local times (:tz).
SELECT id, dataset, file_name, status, rows_read, rows_loaded, rows_rejected, loaded_by, source_crs, message,
       to_char(started_at AT TIME ZONE CAST(:tz AS text), 'YYYY-MM-DD HH24:MI') AS started_at,
       to_char(finished_at AT TIME ZONE CAST(:tz AS text), 'YYYY-MM-DD HH24:MI') AS finished_at
FROM etl_run
ORDER BY etl_run.started_at DESC, id DESC
LIMIT :limit
