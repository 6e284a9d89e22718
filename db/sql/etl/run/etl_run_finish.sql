-- Record the outcome of a load.
UPDATE etl_run
SET status = :status, rows_read = :rows_read, rows_loaded = :rows_loaded,
    rows_rejected = :rows_rejected, message = :message, finished_at = clock_timestamp()
WHERE id = :id
