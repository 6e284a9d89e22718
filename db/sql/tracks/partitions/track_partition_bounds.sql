-- The statement that bounds a month's new (empty) table by a CHECK constraint equal to its partition bounds,
-- quoted by the server from bound values: ATTACH then knows every row fits and skips its scan of the table.
SELECT format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (ts >= %L AND ts < %L)',
              CAST(:name AS text), CAST(:name AS text) || '_bounds', CAST(:lo AS timestamptz), CAST(:hi AS timestamptz))
