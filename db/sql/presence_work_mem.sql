-- Room for the refresh's sorts and hashes (4 MB spills to disk at 10 M fixes), for this transaction only.
SELECT set_config('work_mem', '256MB', true)
