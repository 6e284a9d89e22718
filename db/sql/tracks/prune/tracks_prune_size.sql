-- Bytes on disk of one partition: heap, TOAST and its indexes.
SELECT pg_total_relation_size(CAST(:name AS regclass))
