-- The officers assigned to a school (every role, newest first), valid on :on or not; the phone comes from
-- xiaoan_officer_phone, which gives it in full to leaders and administrators and masked (139****5554) to others.
SELECT a.role, o.badge_no, o.name, o.rank, u.name AS unit_name, a.valid_from, a.valid_to,
       a.valid_from <= :on AND (a.valid_to IS NULL OR a.valid_to >= :on) AS valid,
       xiaoan_officer_phone(o.badge_no) AS phone
FROM liaison_assignment a
JOIN officer o USING (badge_no)
LEFT JOIN police_unit u ON u.unit_code = o.unit_code
WHERE a.school_code = :code
ORDER BY valid DESC, a.valid_from DESC, a.role, o.badge_no
