-- Staged points whose (vehicle, ts) came earlier in the same file, with the row that came first.
SELECT row_no, first_row, vehicle_id, ts
FROM (SELECT row_no, vehicle_id, ts, min(row_no) OVER (PARTITION BY vehicle_id, ts) AS first_row
      FROM stage_track) AS ranked
WHERE row_no <> first_row
ORDER BY row_no
