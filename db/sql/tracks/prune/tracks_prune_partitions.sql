-- Monthly partitions of track_point with their bounds, oldest first (the default partition has none).
-- The bounds are read back from the partition's definition in this session's time zone, as it was written.
SELECT name, CAST(substring(def FROM $$FROM \('([^']+)'\)$$) AS timestamptz) AS lo,
       CAST(substring(def FROM $$TO \('([^']+)'\)$$) AS timestamptz) AS hi
FROM (SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS def
      FROM pg_inherits AS i
      JOIN pg_class AS c ON c.oid = i.inhrelid
      WHERE i.inhparent = CAST('track_point' AS regclass)) AS p
WHERE def <> 'DEFAULT'
ORDER BY lo NULLS FIRST, name
