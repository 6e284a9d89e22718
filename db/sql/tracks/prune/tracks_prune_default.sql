-- Points waiting in the default partition before :before (never pruned: they move to a month on a load).
SELECT count(*) FROM track_point_default WHERE ts < :before
