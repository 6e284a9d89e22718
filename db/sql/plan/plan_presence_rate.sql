-- Each school's share of the peak window :window with a patrol at the gate, over the school days of the
-- :days days before :on (presence is stored for school days only); schools with no such window are absent.
SELECT p.school_code, avg(CASE WHEN p.present THEN 1.0 ELSE 0.0 END) AS rate, count(*) AS windows
FROM presence p
JOIN school s ON s.school_code = p.school_code
WHERE p.day >= CAST(:on AS date) - CAST(:days AS int) AND p.day < CAST(:on AS date)
  AND p.window_name = :window
  AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[])))
GROUP BY p.school_code
