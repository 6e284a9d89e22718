-- The latest audit records, newest first.
SELECT at, user_name, action, target, rows FROM audit_log ORDER BY at DESC, id DESC LIMIT :n
