-- The user of the transaction's token (all NULL when missing, forged, expired or disabled).
SELECT user_name, role, county_adcode FROM xiaoan_current_user()
