-- Every hazard not rectified on :as_of, whenever found (the backlog, 挂账), with its days past the deadline.
SELECT h.hazard_id, h.kind, h.category, h.description, h.school_code, s.name AS school_name,
       h.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en, h.found_on, h.status, h.deadline,
       h.rectified_on, h.temporary_measure,
       COALESCE(h.deadline < :as_of, false) AS overdue,
       CASE WHEN h.deadline < :as_of THEN CAST(:as_of AS date) - h.deadline END AS days_overdue,
       round(CAST(ST_X(h.geom) AS numeric), 5) AS lon, round(CAST(ST_Y(h.geom) AS numeric), 5) AS lat
FROM hazard h
JOIN county c ON c.adcode = h.county_adcode
LEFT JOIN school s ON s.school_code = h.school_code
WHERE h.found_on <= :as_of
  AND NOT (h.status = 'rectified' AND h.rectified_on <= :as_of)
  AND (CAST(:counties AS text[]) IS NULL OR h.county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY h.found_on, h.hazard_id
