-- Take a filled month table off track_fill (it is attached to track_point next).
ALTER TABLE track_fill DETACH PARTITION {table}
