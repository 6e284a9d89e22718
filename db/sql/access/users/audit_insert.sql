-- Record an action done outside the dashboard (command line), naming who did it.
INSERT INTO audit_log (user_name, action, target, rows, detail) VALUES (:u, :a, :t, :r, CAST(:d AS jsonb))
