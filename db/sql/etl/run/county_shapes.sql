-- County boundaries as WKB, for placing points in the ETL.
SELECT adcode, ST_AsBinary(geom) AS wkb
FROM county
ORDER BY adcode
