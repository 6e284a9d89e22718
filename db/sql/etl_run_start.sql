-- Record the start of a load.
INSERT INTO etl_run (dataset, file_name, sha256, status, message)
VALUES (:dataset, :file_name, :sha256, :status, :message)
RETURNING id
