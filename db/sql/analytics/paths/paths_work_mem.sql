-- For this transaction only: room for the paths refresh's sorts, and nested loops allowed (the fixes come by
-- index, vehicle by vehicle and window by window; the presence refresh turns them off for its own query).
SELECT set_config('work_mem', '256MB', true), set_config('enable_nestloop', 'on', true)
