-- Take rows out of the staging table (the later copies of a point the file repeats).
DELETE FROM stage_track
WHERE row_no = ANY(:rows)
