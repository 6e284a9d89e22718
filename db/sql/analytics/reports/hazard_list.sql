-- Hazards found in [:date_from, :date_to] with their state on :as_of; overdue = not rectified by :as_of
-- although its deadline has passed.
SELECT h.hazard_id, h.kind, h.category, h.description, h.school_code, s.name AS school_name,
       h.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en, h.found_on, h.status, h.deadline,
       h.rectified_on, h.temporary_measure,
       COALESCE((h.status <> 'rectified' OR h.rectified_on > :as_of) AND h.deadline < :as_of, false) AS overdue,
       round(CAST(ST_X(h.geom) AS numeric), 5) AS lon, round(CAST(ST_Y(h.geom) AS numeric), 5) AS lat
FROM hazard h
JOIN county c ON c.adcode = h.county_adcode
LEFT JOIN school s ON s.school_code = h.school_code
WHERE h.found_on BETWEEN :date_from AND :date_to
  AND (CAST(:counties AS text[]) IS NULL OR h.county_adcode = ANY(CAST(:counties AS text[])))
ORDER BY h.found_on, h.hazard_id
