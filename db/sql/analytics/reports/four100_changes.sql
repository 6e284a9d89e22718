-- Per county and four-100% flag: the schools that newly met or lost it between the end of the previous period
-- (the day before :date_from) and the end of this one (:date_to), each end's state being the school's latest
-- check on or before it (school_four100; a school with no check at all reads its stored flags, so never
-- changes). An unknown flag counts as not met; a school first checked inside the period is no change.
WITH s AS (
    SELECT s.school_code, s.name, s.county_adcode, b.known AS known_before,
           COALESCE(b.full_time_guard, false) AS g0, COALESCE(b.closed_management, false) AS c0,
           COALESCE(b.alarm_video_linked, false) AS a0, COALESCE(b.guard_post, false) AS p0,
           COALESCE(e.full_time_guard, false) AS g1, COALESCE(e.closed_management, false) AS c1,
           COALESCE(e.alarm_video_linked, false) AS a1, COALESCE(e.guard_post, false) AS p1
    FROM school s
    LEFT JOIN LATERAL (
        SELECT true AS known, h.checked_on, h.full_time_guard, h.closed_management, h.alarm_video_linked,
               h.guard_post
        FROM school_four100 h WHERE h.school_code = s.school_code AND h.checked_on < CAST(:date_from AS date)
        UNION ALL
        SELECT true, NULL, s.full_time_guard, s.closed_management, s.alarm_video_linked, s.guard_post
        WHERE NOT EXISTS (SELECT 1 FROM school_four100 x WHERE x.school_code = s.school_code)
        ORDER BY 2 DESC NULLS LAST LIMIT 1
    ) b ON true
    LEFT JOIN LATERAL (
        SELECT h.checked_on, h.full_time_guard, h.closed_management, h.alarm_video_linked, h.guard_post
        FROM school_four100 h WHERE h.school_code = s.school_code AND h.checked_on <= CAST(:date_to AS date)
        UNION ALL
        SELECT NULL, s.full_time_guard, s.closed_management, s.alarm_video_linked, s.guard_post
        WHERE NOT EXISTS (SELECT 1 FROM school_four100 x WHERE x.school_code = s.school_code)
        ORDER BY 1 DESC NULLS LAST LIMIT 1
    ) e ON true
    WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
), f AS (
    SELECT s.school_code, s.name, s.county_adcode, s.known_before, k.n, k.flag, k.before, k.after
    FROM s CROSS JOIN LATERAL (VALUES
        (1, 'full_time_guard', s.g0, s.g1), (2, 'closed_management', s.c0, s.c1),
        (3, 'alarm_video_linked', s.a0, s.a1), (4, 'guard_post', s.p0, s.p1),
        (5, 'all_four', s.g0 AND s.c0 AND s.a0 AND s.p0, s.g1 AND s.c1 AND s.a1 AND s.p1)) AS k(n, flag, before, after)
)
SELECT c.adcode AS county_adcode, c.name_zh AS county_zh, c.name_en AS county_en, k.flag,
       CAST(:date_from AS date) - 1 AS previous_end, CAST(:date_to AS date) AS period_end,
       count(f.school_code) AS schools,
       count(*) FILTER (WHERE f.before) AS met_before,
       count(*) FILTER (WHERE f.after) AS met_after,
       count(*) FILTER (WHERE f.known_before AND f.after AND NOT f.before) AS newly_met,
       count(*) FILTER (WHERE f.known_before AND f.before AND NOT f.after) AS lost,
       COALESCE(array_agg(f.school_code ORDER BY f.school_code)
                FILTER (WHERE f.known_before AND f.after AND NOT f.before), '{}') AS newly_met_schools,
       COALESCE(array_agg(f.name ORDER BY f.school_code)
                FILTER (WHERE f.known_before AND f.after AND NOT f.before), '{}') AS newly_met_names,
       COALESCE(array_agg(f.school_code ORDER BY f.school_code)
                FILTER (WHERE f.known_before AND f.before AND NOT f.after), '{}') AS lost_schools,
       COALESCE(array_agg(f.name ORDER BY f.school_code)
                FILTER (WHERE f.known_before AND f.before AND NOT f.after), '{}') AS lost_names
FROM county c
CROSS JOIN (VALUES (1, 'full_time_guard'), (2, 'closed_management'), (3, 'alarm_video_linked'),
                   (4, 'guard_post'), (5, 'all_four')) AS k(n, flag)
LEFT JOIN f ON f.county_adcode = c.adcode AND f.n = k.n
WHERE CAST(:counties AS text[]) IS NULL OR c.adcode = ANY(CAST(:counties AS text[]))
GROUP BY c.adcode, c.name_zh, c.name_en, k.n, k.flag
ORDER BY c.adcode, k.n
