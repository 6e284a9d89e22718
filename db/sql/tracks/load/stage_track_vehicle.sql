-- The vehicle ids of the codes in stage_track; dropped at the end of the load.
CREATE TEMP TABLE stage_vehicle (vehicle int4 PRIMARY KEY, vehicle_id text NOT NULL) ON COMMIT DROP
