-- The "four 100%" targets per school on :as_of: full-time guard, closed management, alarm and video linked to
-- the police, guard post, read from the school's latest check on or before that day (school_four100; a school
-- with no check at all reads its stored flags); all_four when every one is met (an unknown flag, or no check
-- yet on that day, counts as not met). checked_on is the day of the check in effect. Set-based: the latest
-- check of every school in one pass of the history (not one lookup a school).
WITH latest AS (
    SELECT DISTINCT ON (h.school_code) h.school_code, h.checked_on, h.full_time_guard, h.closed_management,
           h.alarm_video_linked, h.guard_post
    FROM school_four100 h
    WHERE h.checked_on <= CAST(:as_of AS date)
    ORDER BY h.school_code, h.checked_on DESC
), ever AS (
    SELECT DISTINCT school_code FROM school_four100
), f AS (
    SELECT s.school_code, s.name, s.school_type, s.county_adcode, l.checked_on,
           CASE WHEN l.school_code IS NOT NULL THEN l.full_time_guard
                WHEN e.school_code IS NULL THEN s.full_time_guard END AS full_time_guard,
           CASE WHEN l.school_code IS NOT NULL THEN l.closed_management
                WHEN e.school_code IS NULL THEN s.closed_management END AS closed_management,
           CASE WHEN l.school_code IS NOT NULL THEN l.alarm_video_linked
                WHEN e.school_code IS NULL THEN s.alarm_video_linked END AS alarm_video_linked,
           CASE WHEN l.school_code IS NOT NULL THEN l.guard_post
                WHEN e.school_code IS NULL THEN s.guard_post END AS guard_post
    FROM school s
    LEFT JOIN latest l ON l.school_code = s.school_code
    LEFT JOIN ever e ON e.school_code = s.school_code
    WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
)
SELECT f.school_code, f.name, f.school_type, f.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       COALESCE(f.full_time_guard, false) AS full_time_guard,
       COALESCE(f.closed_management, false) AS closed_management,
       COALESCE(f.alarm_video_linked, false) AS alarm_video_linked,
       COALESCE(f.guard_post, false) AS guard_post,
       COALESCE(f.full_time_guard AND f.closed_management AND f.alarm_video_linked AND f.guard_post, false)
           AS all_four,
       f.checked_on
FROM f
JOIN county c ON c.adcode = f.county_adcode
ORDER BY f.county_adcode, f.school_code
