-- Staging table for one track file: row = file row or GPX point number, vehicle = code in stage_vehicle,
-- ts = UTC, NaN speed or heading = none (fixed-width rows, built with numpy); dropped at the end of the load.
CREATE TEMP TABLE stage_track (
    row_no int4 NOT NULL, vehicle int4 NOT NULL, ts timestamp NOT NULL, lon float8 NOT NULL,
    lat float8 NOT NULL, speed real NOT NULL, heading real NOT NULL
) ON COMMIT DROP
