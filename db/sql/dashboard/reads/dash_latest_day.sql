-- The last day (not after :today) with presence, a hazard found or an activity: the default period's end.
SELECT max(day) AS latest
FROM (
    SELECT max(day) AS day FROM presence WHERE day <= :today
    UNION ALL SELECT max(found_on) FROM hazard WHERE found_on <= :today
    UNION ALL SELECT max(held_on) FROM activity WHERE held_on <= :today
) AS d
