-- Hazards found in [:date_from, :date_to] per county and kind, with their state on :as_of.
WITH h AS (
    SELECT county_adcode, kind,
           status = 'rectified' AND rectified_on <= :as_of AS rectified,
           status = 'deadline' OR (status = 'rectified' AND rectified_on > :as_of AND deadline IS NOT NULL)
               AS on_deadline,
           (status <> 'rectified' OR rectified_on > :as_of) AND deadline < :as_of AS overdue
    FROM hazard
    WHERE found_on BETWEEN :date_from AND :date_to
      AND (CAST(:counties AS text[]) IS NULL OR county_adcode = ANY(CAST(:counties AS text[])))
)
SELECT c.adcode AS county_adcode, c.name_zh AS county_zh, c.name_en AS county_en, k.kind,
       count(h.kind) AS found,
       count(*) FILTER (WHERE h.rectified) AS rectified,
       count(*) FILTER (WHERE h.on_deadline) AS on_deadline,
       count(*) FILTER (WHERE h.kind IS NOT NULL AND NOT h.rectified AND NOT h.on_deadline) AS open,
       count(*) FILTER (WHERE h.overdue) AS overdue,
       round(CAST(count(*) FILTER (WHERE h.rectified) AS numeric) / NULLIF(count(h.kind), 0), 4) AS rectification_rate
FROM county c
CROSS JOIN (VALUES ('campus'), ('surrounding')) AS k(kind)
LEFT JOIN h ON h.county_adcode = c.adcode AND h.kind = k.kind
WHERE CAST(:counties AS text[]) IS NULL OR c.adcode = ANY(CAST(:counties AS text[]))
GROUP BY c.adcode, c.name_zh, c.name_en, k.kind
ORDER BY c.adcode, k.kind
