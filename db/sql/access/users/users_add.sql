-- Add a user with a bcrypt hash (pgcrypto, cost :cost); returns the name, or nothing when it already exists.
INSERT INTO app_user (user_name, display_name, role, county_adcode, password_hash)
VALUES (:u, :d, :r, :c, crypt(:p, gen_salt('bf', :cost)))
ON CONFLICT (user_name) DO NOTHING
RETURNING user_name
