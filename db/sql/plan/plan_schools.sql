-- The schools a patrol plan covers on :on in :counties (NULL = all): the gate a vehicle stops at, what the
-- priority is made of (pupils, type; hazards, signs and presence are joined in patrol/inputs.py), and whether
-- a 护学岗 post is manned that day (an officer assigned to the school as 护学岗 on :on).
SELECT s.school_code, s.name, s.school_type, s.county_adcode, COALESCE(s.pupils, 0) AS pupils,
       ST_X(s.gate_geom) AS lon, ST_Y(s.gate_geom) AS lat,
       EXISTS (SELECT 1 FROM liaison_assignment a
               WHERE a.school_code = s.school_code AND a.role = '护学岗'
                 AND a.valid_from <= CAST(:on AS date)
                 AND (a.valid_to IS NULL OR a.valid_to >= CAST(:on AS date))) AS post_manned
FROM school s
WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
ORDER BY s.school_code
