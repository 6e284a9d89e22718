-- Store a new key for single sign-on (the dashboard presents it with the header's user name).
INSERT INTO app_secret (name, value) VALUES ('trusted_key', convert_to(:k, 'UTF8'))
ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value
