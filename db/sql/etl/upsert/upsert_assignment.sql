-- Merge staged assignments into liaison_assignment, keyed by (school, officer, role, valid_from);
-- unchanged rows are left untouched.
INSERT INTO liaison_assignment AS a (school_code, badge_no, role, valid_from, valid_to, etl_run_id)
SELECT school_code, badge_no, role, valid_from, valid_to, :run_id FROM stage_assignment
ON CONFLICT (school_code, badge_no, role, valid_from) DO UPDATE
SET valid_to = EXCLUDED.valid_to, etl_run_id = EXCLUDED.etl_run_id
WHERE a.valid_to IS DISTINCT FROM EXCLUDED.valid_to
RETURNING (xmax = 0) AS inserted
