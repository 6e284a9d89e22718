-- Names and counties of the schools :codes (a text array), e.g. the 护学岗 schools a stored plan lists by code.
SELECT school_code, name AS school_name, county_adcode
FROM school
WHERE school_code = ANY(CAST(:codes AS text[]))
ORDER BY school_code
