-- School days from :date_from to :date_to (inclusive), one row per day: a weekday inside a term that is
-- not a public holiday, or an official make-up workday inside a term. While school_term is empty the
-- default terms apply: autumn 1 Sep – 15 Jan, spring 1 Mar – 10 Jul.
WITH days AS (
    SELECT CAST(:date_from AS date) + i AS day
    FROM generate_series(0, CAST(:date_to AS date) - CAST(:date_from AS date)) AS i
), terms AS (
    SELECT starts_on, ends_on FROM school_term
    UNION ALL
    SELECT d.starts_on, d.ends_on
    FROM generate_series(EXTRACT(year FROM CAST(:date_from AS date))::int - 1,
                         EXTRACT(year FROM CAST(:date_to AS date))::int) AS y,
         LATERAL (VALUES (make_date(y, 9, 1), make_date(y + 1, 1, 15)),
                         (make_date(y, 3, 1), make_date(y, 7, 10))) AS d (starts_on, ends_on)
    WHERE NOT EXISTS (SELECT 1 FROM school_term)
)
SELECT d.day
FROM days d
LEFT JOIN holiday h ON h.day = d.day
WHERE EXISTS (SELECT 1 FROM terms t WHERE d.day BETWEEN t.starts_on AND t.ends_on)
  AND CASE h.kind WHEN 'workday' THEN true
                  WHEN 'holiday' THEN false
                  ELSE EXTRACT(isodow FROM d.day) < 6 END
ORDER BY d.day
