-- Forget presence between two days (inclusive) before recomputing them.
DELETE FROM presence WHERE day BETWEEN :date_from AND :date_to
