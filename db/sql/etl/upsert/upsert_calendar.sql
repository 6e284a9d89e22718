-- Merge staged terms into school_term (by name) and days into holiday (by day) in one statement;
-- unchanged rows are left untouched.
WITH terms AS (
    INSERT INTO school_term AS t (name, starts_on, ends_on, etl_run_id)
    SELECT name, starts_on, ends_on, :run_id FROM stage_calendar WHERE what = 'term'
    ON CONFLICT (name) DO UPDATE
    SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, etl_run_id = EXCLUDED.etl_run_id
    WHERE (t.starts_on, t.ends_on) IS DISTINCT FROM (EXCLUDED.starts_on, EXCLUDED.ends_on)
    RETURNING (xmax = 0) AS inserted
), days AS (
    INSERT INTO holiday AS h (day, kind, name, etl_run_id)
    SELECT day, kind, name, :run_id FROM stage_calendar WHERE what = 'day'
    ON CONFLICT (day) DO UPDATE
    SET kind = EXCLUDED.kind, name = EXCLUDED.name, etl_run_id = EXCLUDED.etl_run_id
    WHERE (h.kind, h.name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)
    RETURNING (xmax = 0) AS inserted
)
SELECT inserted FROM terms
UNION ALL
SELECT inserted FROM days
