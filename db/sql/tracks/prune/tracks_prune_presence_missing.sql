-- School days of :days on which some school has no presence row at all, with how many schools lack one.
SELECT d.day, count(*) AS schools
FROM unnest(CAST(:days AS date[])) AS d (day)
CROSS JOIN school AS s
WHERE NOT EXISTS (SELECT 1 FROM presence AS p WHERE p.school_code = s.school_code AND p.day = d.day)
GROUP BY d.day
ORDER BY d.day
