-- Official public holidays and make-up workdays (from chinese-calendar); days already loaded are kept.
INSERT INTO holiday (day, kind, name)
SELECT day, kind, name
FROM unnest(CAST(:days AS date[]), CAST(:kinds AS text[]), CAST(:names AS text[])) AS d (day, kind, name)
ON CONFLICT (day) DO NOTHING
RETURNING day
