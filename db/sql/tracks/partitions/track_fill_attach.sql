-- The statement that attaches a month's new (empty) table to track_fill, quoted by the server from bound values.
SELECT format('ALTER TABLE track_fill ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
              CAST(:name AS text), CAST(:lo AS timestamptz), CAST(:hi AS timestamptz))
