-- For this transaction only: room for the refresh's sorts and hashes (4 MB spills to disk at 10 M fixes), and
-- hash joins where the planner, misled by the row estimates of generated grid cells, would sort for a merge.
SELECT set_config('work_mem', '256MB', true), set_config('enable_mergejoin', 'off', true)
