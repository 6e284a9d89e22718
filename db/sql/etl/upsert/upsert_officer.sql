-- Merge staged officers into officer; a row identical to the stored one is left untouched.
INSERT INTO officer AS o (badge_no, name, unit_code, rank, phone, etl_run_id)
SELECT badge_no, name, unit_code, rank, phone, :run_id FROM stage_officer
ON CONFLICT (badge_no) DO UPDATE
SET name = EXCLUDED.name, unit_code = EXCLUDED.unit_code, rank = EXCLUDED.rank, phone = EXCLUDED.phone,
    etl_run_id = EXCLUDED.etl_run_id
WHERE (o.name, o.unit_code, o.rank, o.phone)
   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.unit_code, EXCLUDED.rank, EXCLUDED.phone)
RETURNING (xmax = 0) AS inserted
