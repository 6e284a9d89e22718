-- Whether the default partition holds any point at all (if not, no month needs its points moved).
SELECT EXISTS (SELECT 1 FROM track_point_default)
