-- Liaison officers (挂钩民警) valid on :on for the schools of the selected counties (:counties NULL = all):
-- name, unit and phone (through xiaoan_officer_phone: the dashboard's role may not read the column); exports
-- mask it again (dashboard.exports.privacy) at once.
SELECT a.school_code, o.badge_no, o.name, u.name AS unit_name, xiaoan_officer_phone(o.badge_no) AS phone
FROM liaison_assignment a
JOIN officer o USING (badge_no)
JOIN school s USING (school_code)
LEFT JOIN police_unit u ON u.unit_code = o.unit_code
WHERE a.role = '挂钩民警' AND a.valid_from <= :on AND (a.valid_to IS NULL OR a.valid_to >= :on)
  AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY a.school_code, o.badge_no
