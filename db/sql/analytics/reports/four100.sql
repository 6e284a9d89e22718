-- The "four 100%" targets per school on :as_of: full-time guard, closed management, alarm and video linked to
-- the police, guard post, read from the school's latest check on or before that day (school_four100; a school
-- with no check at all reads its stored flags); all_four when every one is met (an unknown flag, or no check
-- yet on that day, counts as not met). checked_on is the day of the check in effect.
SELECT s.school_code, s.name, s.school_type, s.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       COALESCE(f.full_time_guard, false) AS full_time_guard,
       COALESCE(f.closed_management, false) AS closed_management,
       COALESCE(f.alarm_video_linked, false) AS alarm_video_linked,
       COALESCE(f.guard_post, false) AS guard_post,
       COALESCE(f.full_time_guard AND f.closed_management AND f.alarm_video_linked AND f.guard_post, false)
           AS all_four,
       f.checked_on
FROM school s
JOIN county c ON c.adcode = s.county_adcode
LEFT JOIN LATERAL (
    SELECT h.checked_on, h.full_time_guard, h.closed_management, h.alarm_video_linked, h.guard_post
    FROM school_four100 h WHERE h.school_code = s.school_code AND h.checked_on <= :as_of
    UNION ALL
    SELECT NULL, s.full_time_guard, s.closed_management, s.alarm_video_linked, s.guard_post
    WHERE NOT EXISTS (SELECT 1 FROM school_four100 x WHERE x.school_code = s.school_code)
    ORDER BY 1 DESC NULLS LAST LIMIT 1
) f ON true
WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
ORDER BY s.county_adcode, s.school_code
