-- Memory for the sorts of one big track load (in-file duplicates, primary key and GiST builds), this transaction only.
SELECT set_config('work_mem', '256MB', true), set_config('maintenance_work_mem', '512MB', true)
