-- Staged points whose (vehicle, ts) came earlier in the same file, with the row that came first.
SELECT r.row_no, r.first_row, v.vehicle_id, r.ts
FROM (SELECT row_no, vehicle, ts, min(row_no) OVER (PARTITION BY vehicle, ts) AS first_row
      FROM stage_track) AS r
JOIN stage_vehicle AS v USING (vehicle)
WHERE r.row_no <> r.first_row
ORDER BY r.row_no
