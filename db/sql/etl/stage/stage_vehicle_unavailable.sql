-- Staging table for one vehicle-unavailability file; dropped at the end of the load's transaction.
CREATE TEMP TABLE stage_vehicle_unavailable (vehicle_id text, date_from date, date_to date, reason text)
ON COMMIT DROP
