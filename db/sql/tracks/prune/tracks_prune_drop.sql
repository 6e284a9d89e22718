-- Drop one month partition of track_point, its indexes with it.
DROP TABLE {table}
