-- For this transaction only: room for the refresh's sorts and hashes (4 MB spills to disk at 10 M fixes), and
-- hash joins wherever one is possible: the row estimates of generated grid cells and of freshly loaded
-- partitions mislead the planner into merge joins or nested loops over the cells (minutes instead of seconds).
-- No memoize: it would hash each span's arrays to cache their unnest, which never repeats (93 MB a day at M).
SELECT set_config('work_mem', '256MB', true), set_config('enable_mergejoin', 'off', true),
       set_config('enable_nestloop', 'off', true), set_config('enable_memoize', 'off', true)
