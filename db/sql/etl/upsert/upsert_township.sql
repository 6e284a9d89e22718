-- Merge staged township seats; unchanged rows are left untouched.
INSERT INTO township AS t (county_adcode, name, geom)
SELECT county_adcode, name, ST_SetSRID(ST_MakePoint(lon, lat), 4326) FROM stage_township
ON CONFLICT (county_adcode, name) DO UPDATE SET geom = EXCLUDED.geom
WHERE ST_AsEWKB(t.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
RETURNING (xmax = 0) AS inserted
