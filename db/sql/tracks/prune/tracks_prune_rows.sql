-- Points of track_point between :lo and :hi (one month partition: the others are pruned from the plan).
SELECT count(*) FROM track_point WHERE ts >= :lo AND ts < :hi
