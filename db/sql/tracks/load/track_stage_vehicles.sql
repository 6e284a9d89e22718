-- Name the vehicle codes of the staged points.
INSERT INTO stage_vehicle (vehicle, vehicle_id)
SELECT * FROM unnest(CAST(:codes AS int4[]), CAST(:ids AS text[]))
