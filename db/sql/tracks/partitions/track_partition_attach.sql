-- The statement that attaches a filled month table to track_point, quoted by the server from bound values.
-- Attaching builds the partition's primary key and GiST index in bulk and checks its foreign key once.
SELECT format('ALTER TABLE track_point ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
              CAST(:name AS text), CAST(:lo AS timestamptz), CAST(:hi AS timestamptz))
