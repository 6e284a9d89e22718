-- Police work per county and calendar month in [:date_from, :date_to] (:counties NULL = all): the measures
-- of activity_totals, one row per county × month that has any activity.
SELECT a.county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       to_char(date_trunc('month', a.held_on), 'YYYY-MM') AS month,
       COALESCE(sum(a.officers) FILTER (WHERE a.kind = 'deployment'), 0) AS officer_times,
       COALESCE(sum(a.vehicles) FILTER (WHERE a.kind = 'deployment'), 0) AS vehicle_times,
       count(*) FILTER (WHERE a.kind = 'deployment') AS deployments,
       count(*) FILTER (WHERE a.kind = 'inspection') AS inspections,
       count(*) FILTER (WHERE a.kind = 'legal_education') AS legal_education,
       count(*) FILTER (WHERE a.kind = 'drill') AS drills,
       COALESCE(sum(a.materials), 0) AS flyers,
       COALESCE(sum(a.participants), 0) AS participants
FROM activity a
JOIN county c ON c.adcode = a.county_adcode
WHERE a.held_on BETWEEN :date_from AND :date_to
  AND (CAST(:counties AS text[]) IS NULL OR a.county_adcode = ANY(CAST(:counties AS text[])))
GROUP BY a.county_adcode, c.name_zh, c.name_en, month
ORDER BY month, a.county_adcode
