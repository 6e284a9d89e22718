-- The "four 100%" targets per school: full-time guard, closed management, alarm and video linked to
-- the police, guard post; all_four when every one is met (an unknown flag counts as not met).
SELECT s.school_code, s.name, s.school_type, s.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       COALESCE(s.full_time_guard, false) AS full_time_guard,
       COALESCE(s.closed_management, false) AS closed_management,
       COALESCE(s.alarm_video_linked, false) AS alarm_video_linked,
       COALESCE(s.guard_post, false) AS guard_post,
       COALESCE(s.full_time_guard AND s.closed_management AND s.alarm_video_linked AND s.guard_post, false)
           AS all_four
FROM school s JOIN county c ON c.adcode = s.county_adcode
WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
ORDER BY s.county_adcode, s.school_code
