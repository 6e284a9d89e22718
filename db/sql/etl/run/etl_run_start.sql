-- Record the start of a load: what, by whom, from which coordinate system.
INSERT INTO etl_run (dataset, file_name, sha256, status, message, loaded_by, source_crs)
VALUES (:dataset, :file_name, :sha256, :status, :message, :loaded_by, :source_crs)
RETURNING id
