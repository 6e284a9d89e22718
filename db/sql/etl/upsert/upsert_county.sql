-- Merge staged counties into county; unchanged rows are left untouched.
INSERT INTO county AS c (adcode, name_zh, name_en, geom)
SELECT adcode, name_zh, name_en, ST_Multi(geom) FROM stage_county
ON CONFLICT (adcode) DO UPDATE
SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, geom = EXCLUDED.geom
WHERE (c.name_zh, c.name_en, ST_AsEWKB(c.geom))
   IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, ST_AsEWKB(EXCLUDED.geom))
RETURNING (xmax = 0) AS inserted
