-- The statement that drops the CHECK constraint of an attached month table (the partition bounds say the same).
SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', CAST(:name AS text), CAST(:name AS text) || '_bounds')
