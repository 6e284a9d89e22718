-- Forget the presence of the given days (and schools, when :schools is not null) before recomputing.
DELETE FROM presence
WHERE day = ANY(CAST(:days AS date[]))
  AND (CAST(:schools AS text[]) IS NULL OR school_code = ANY(CAST(:schools AS text[])))
