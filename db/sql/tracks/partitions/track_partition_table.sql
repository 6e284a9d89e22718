-- A detached table shaped like track_point, to be filled in bulk and then attached as a month's partition.
CREATE TABLE {table} (LIKE track_point INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
