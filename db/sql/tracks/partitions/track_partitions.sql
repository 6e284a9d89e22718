-- Names of the partitions track_point has now (the monthly ones and the default one).
SELECT c.relname
FROM pg_inherits AS i
JOIN pg_class AS c ON c.oid = i.inhrelid
WHERE i.inhparent = CAST('track_point' AS regclass)
