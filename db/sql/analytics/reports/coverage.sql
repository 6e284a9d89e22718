-- Liaison coverage of every school on :on: covered when a 挂钩民警 assignment is valid that day.
-- gap_reason: none_ever | expired for uncovered schools; overloaded (every valid officer has more than
-- :max_schools schools) | unit_far (every valid officer's unit is farther than :max_unit_m) for weak cover.
WITH valid AS (
    SELECT a.school_code, a.badge_no, o.unit_code
    FROM liaison_assignment a JOIN officer o USING (badge_no)
    WHERE a.role = '挂钩民警' AND a.valid_from <= :on AND (a.valid_to IS NULL OR a.valid_to >= :on)
), officer_load AS (
    SELECT badge_no, count(DISTINCT school_code) AS schools FROM valid GROUP BY badge_no
), per_school AS (
    SELECT v.school_code,
           array_agg(DISTINCT v.badge_no ORDER BY v.badge_no) AS officers,
           bool_and(l.schools > :max_schools) AS all_overloaded,
           min(ST_Distance(s.gate_geom::geography, u.geom::geography)) AS nearest_unit_m
    FROM valid v
    JOIN officer_load l USING (badge_no)
    JOIN school s USING (school_code)
    LEFT JOIN police_unit u ON u.unit_code = v.unit_code
    GROUP BY v.school_code
), ever AS (
    SELECT school_code, max(COALESCE(valid_to, DATE '9999-12-31')) AS last_valid_to
    FROM liaison_assignment WHERE role = '挂钩民警' GROUP BY school_code
)
SELECT s.school_code, s.name, s.school_type, s.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       p.school_code IS NOT NULL AS covered,
       CASE WHEN p.school_code IS NULL AND e.school_code IS NULL THEN 'none_ever'
            WHEN p.school_code IS NULL THEN 'expired'
            WHEN p.all_overloaded THEN 'overloaded'
            WHEN p.nearest_unit_m > :max_unit_m THEN 'unit_far'
       END AS gap_reason,
       COALESCE(p.officers, '{}') AS officers,
       CASE WHEN e.last_valid_to < :on THEN e.last_valid_to END AS expired_on,
       round(CAST(p.nearest_unit_m AS numeric), 0) AS nearest_unit_m,
       round(CAST(ST_X(s.geom) AS numeric), 5) AS lon, round(CAST(ST_Y(s.geom) AS numeric), 5) AS lat
FROM school s
JOIN county c ON c.adcode = s.county_adcode
LEFT JOIN per_school p USING (school_code)
LEFT JOIN ever e USING (school_code)
WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
ORDER BY s.county_adcode, s.school_code
