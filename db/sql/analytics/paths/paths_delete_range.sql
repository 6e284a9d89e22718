-- Forget the patrol paths between two local days (inclusive) before recomputing them.
DELETE FROM patrol_path WHERE day BETWEEN :date_from AND :date_to
