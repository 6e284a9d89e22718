-- Per county and kind: the period's flow (hazards found in [:date_from, :date_to] with their state on :as_of)
-- beside the backlog on :as_of (hazards not rectified on that day, whenever found; 挂账).
WITH h AS (
    SELECT county_adcode, kind, found_on,
           found_on BETWEEN :date_from AND :date_to AS found_in,
           status = 'rectified' AND rectified_on <= :as_of AS rectified,
           status = 'deadline' OR (status = 'rectified' AND rectified_on > :as_of AND deadline IS NOT NULL)
               AS on_deadline,
           (status <> 'rectified' OR rectified_on > :as_of) AND deadline < :as_of AS overdue,
           (status <> 'rectified' OR rectified_on > :as_of) AND deadline >= :as_of AS waiting,
           status = 'rectified' AND rectified_on BETWEEN :date_from AND :date_to AS fixed_in
    FROM hazard
    WHERE found_on <= greatest(CAST(:as_of AS date), CAST(:date_to AS date))
      AND (CAST(:counties AS text[]) IS NULL OR county_adcode = ANY(CAST(:counties AS text[])))
)
SELECT c.adcode AS county_adcode, c.name_zh AS county_zh, c.name_en AS county_en, k.kind,
       count(*) FILTER (WHERE h.found_in) AS found,
       count(*) FILTER (WHERE h.found_in AND h.rectified) AS rectified,
       count(*) FILTER (WHERE h.found_in AND h.on_deadline) AS on_deadline,
       count(*) FILTER (WHERE h.found_in AND NOT h.rectified AND NOT h.on_deadline) AS open,
       count(*) FILTER (WHERE h.found_in AND h.overdue) AS overdue,
       round(CAST(count(*) FILTER (WHERE h.found_in AND h.rectified) AS numeric)
             / NULLIF(count(*) FILTER (WHERE h.found_in), 0), 4) AS rectification_rate,
       count(*) FILTER (WHERE h.found_on <= :as_of AND NOT h.rectified) AS backlog,
       count(*) FILTER (WHERE h.found_on <= :as_of AND h.waiting) AS backlog_on_deadline,
       count(*) FILTER (WHERE h.found_on <= :as_of AND h.overdue) AS backlog_overdue,
       min(h.found_on) FILTER (WHERE h.found_on <= :as_of AND NOT h.rectified) AS oldest_open,
       count(*) FILTER (WHERE h.fixed_in) AS rectified_in_period
FROM county c
CROSS JOIN (VALUES ('campus'), ('surrounding')) AS k(kind)
LEFT JOIN h ON h.county_adcode = c.adcode AND h.kind = k.kind
WHERE CAST(:counties AS text[]) IS NULL OR c.adcode = ANY(CAST(:counties AS text[]))
GROUP BY c.adcode, c.name_zh, c.name_en, k.kind
ORDER BY c.adcode, k.kind
