-- Every county for a print map, in UTM 47N metres: the outline simplified by :tolerance_m (topology kept)
-- as WKB, and the centre of its largest inscribed circle, where its name goes.
SELECT c.adcode, c.name_zh, c.name_en,
       ST_AsBinary(ST_SimplifyPreserveTopology(ST_Transform(c.geom, 32647), CAST(:tolerance_m AS float8))) AS wkb,
       ST_X(m.center) AS label_x, ST_Y(m.center) AS label_y
FROM county c
CROSS JOIN LATERAL ST_MaximumInscribedCircle(ST_Transform(c.geom, 32647)) AS m
ORDER BY c.adcode
