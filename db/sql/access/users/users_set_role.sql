-- Change a user's role and county; returns the name, or nothing for an unknown user.
UPDATE app_user SET role = :r, county_adcode = :c, updated_at = now() WHERE user_name = :u RETURNING user_name
