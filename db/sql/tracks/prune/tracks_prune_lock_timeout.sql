-- How long the drop may wait for readers of track_point (it needs the table to itself), for this transaction.
SELECT set_config('lock_timeout', :timeout, true)
