-- A new bcrypt hash for a user's password.
UPDATE app_user SET password_hash = crypt(:p, gen_salt('bf', :cost)), updated_at = now() WHERE user_name = :u
RETURNING user_name
