-- Whether the default partition holds points of a month (such a month's points move to its new partition).
SELECT EXISTS (SELECT 1 FROM track_point_default WHERE ts >= :lo AND ts < :hi)
