-- Disable (or enable again) a user: a disabled user's tokens stop working at once.
UPDATE app_user SET disabled = :off, updated_at = now() WHERE user_name = :u RETURNING user_name
