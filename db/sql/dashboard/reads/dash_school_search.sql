-- Schools whose name contains :q or whose code starts with it (:q already LIKE-escaped with \), in the
-- selected counties (:counties NULL = all), at most :limit, exact code first then by name.
SELECT s.school_code, s.name, s.school_type, s.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en
FROM school s
JOIN county c ON c.adcode = s.county_adcode
WHERE (s.name ILIKE '%' || CAST(:q AS text) || '%' OR s.school_code LIKE CAST(:q AS text) || '%')
  AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY s.school_code <> :q, s.name, s.school_code
LIMIT :limit
