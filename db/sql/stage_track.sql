-- Staging table for one track file: row = file row or GPX point number, ts = UTC; dropped at the end of the load.
CREATE TEMP TABLE stage_track (
    row_no int4 NOT NULL, vehicle_id text NOT NULL, ts timestamp NOT NULL, lon float8 NOT NULL,
    lat float8 NOT NULL, speed real, heading real
) ON COMMIT DROP
