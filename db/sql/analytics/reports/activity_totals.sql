-- Police work in [:date_from, :date_to] per county: sessions of each kind and the people and means used.
SELECT c.adcode AS county_adcode, c.name_zh AS county_zh, c.name_en AS county_en,
       COALESCE(sum(a.officers) FILTER (WHERE a.kind = 'deployment'), 0) AS officer_times,
       COALESCE(sum(a.vehicles) FILTER (WHERE a.kind = 'deployment'), 0) AS vehicle_times,
       count(a.*) FILTER (WHERE a.kind = 'deployment') AS deployments,
       count(a.*) FILTER (WHERE a.kind = 'inspection') AS inspections,
       count(a.*) FILTER (WHERE a.kind = 'legal_education') AS legal_education,
       count(a.*) FILTER (WHERE a.kind = 'drill') AS drills,
       COALESCE(sum(a.materials), 0) AS flyers,
       COALESCE(sum(a.participants), 0) AS participants
FROM county c
LEFT JOIN activity a ON a.county_adcode = c.adcode AND a.held_on BETWEEN :date_from AND :date_to
WHERE CAST(:counties AS text[]) IS NULL OR c.adcode = ANY(CAST(:counties AS text[]))
GROUP BY c.adcode, c.name_zh, c.name_en
ORDER BY c.adcode
