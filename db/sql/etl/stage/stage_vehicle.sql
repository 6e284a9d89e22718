-- Staging table for one vehicles file; dropped at the end of the load's transaction.
CREATE TEMP TABLE stage_vehicle (
    vehicle_id text, unit_code text, county_adcode text, vehicle_type text, in_service boolean
) ON COMMIT DROP
