-- Every user with role, county and state (never the hash).
SELECT u.user_name, u.display_name, u.role, u.county_adcode, c.name_zh AS county, u.disabled, u.updated_at
FROM app_user u LEFT JOIN county c ON c.adcode = u.county_adcode
ORDER BY u.user_name
