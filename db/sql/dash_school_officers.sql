-- The officers assigned to a school (every role, newest first), valid on :on or not; the phone is masked
-- here (first 3 and last 4 digits) so that the full number never leaves the database.
SELECT a.role, o.badge_no, o.name, o.rank, u.name AS unit_name, a.valid_from, a.valid_to,
       a.valid_from <= :on AND (a.valid_to IS NULL OR a.valid_to >= :on) AS valid,
       CASE WHEN length(d.digits) >= 8 THEN left(d.digits, 3) || '****' || right(d.digits, 4)
            WHEN length(d.digits) > 0 THEN '****' END AS phone
FROM liaison_assignment a
JOIN officer o USING (badge_no)
LEFT JOIN police_unit u ON u.unit_code = o.unit_code
CROSS JOIN LATERAL (SELECT regexp_replace(COALESCE(o.phone, ''), '\D', '', 'g') AS digits) AS d
WHERE a.school_code = :code
ORDER BY valid DESC, a.valid_from DESC, a.role, o.badge_no
