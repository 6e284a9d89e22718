-- Required signs of every school whose gate lies within :near_m of a road, on :as_of: for each kind the
-- rules require, the latest survey of the signs of that kind on that road within :along_m of the gate,
-- measured along the road. status: present | missing | damaged (latest survey) | none (never surveyed).
WITH road_m AS (  -- the roads in UTM 47N, as the expression index ix_road_geom_utm holds them
    SELECT r.road_id, r.name AS road_name, ST_Transform(r.geom, 32647) AS m FROM road r
), school_road AS (  -- the nearest road to each gate, if near enough (a probe of the gates' index per road)
    SELECT DISTINCT ON (s.school_code) s.school_code, s.name, s.county_adcode, s.gate_utm AS g,
           rm.road_id, rm.road_name, ST_LineMerge(rm.m) AS road_m
    FROM road_m rm JOIN school s ON ST_DWithin(s.gate_utm, rm.m, :near_m)
    WHERE CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))
    ORDER BY s.school_code, ST_Distance(rm.m, s.gate_utm), rm.road_id
), required AS (
    SELECT sr.*, rule.kind
    FROM school_road sr
    JOIN sign_rule rule ON rule.required AND (rule.county_adcode IS NULL OR rule.county_adcode = sr.county_adcode)
), latest AS (  -- each sign's latest survey up to :as_of
    SELECT DISTINCT ON (sign_code) sign_code, kind, status, surveyed_on, road_id,
           ST_Transform(geom, 32647) AS m
    FROM traffic_sign WHERE surveyed_on <= :as_of
    ORDER BY sign_code, surveyed_on DESC
), best AS (  -- per school and kind, a present sign first, else the latest surveyed
    SELECT DISTINCT ON (rq.school_code, rq.kind) rq.school_code, rq.kind, l.sign_code, l.status, l.surveyed_on
    FROM required rq JOIN latest l ON l.kind = rq.kind
     AND (l.road_id = rq.road_id OR (l.road_id IS NULL AND ST_DWithin(l.m, rq.road_m, :near_m)))
     AND CASE WHEN GeometryType(rq.road_m) = 'LINESTRING'
              THEN abs(ST_LineLocatePoint(rq.road_m, l.m) - ST_LineLocatePoint(rq.road_m, rq.g))
                   * ST_Length(rq.road_m) <= :along_m
              ELSE ST_DWithin(l.m, rq.g, :along_m) END
    ORDER BY rq.school_code, rq.kind, l.status = 'present' DESC, l.surveyed_on DESC, l.sign_code
)
SELECT rq.school_code, rq.name AS school_name, rq.county_adcode, rq.road_id, rq.road_name, rq.kind,
       COALESCE(best.status, 'none') AS status, best.sign_code, best.surveyed_on AS last_surveyed_on,
       COALESCE(best.status, 'none') <> 'present' AS missing
FROM required rq
LEFT JOIN best ON best.school_code = rq.school_code AND best.kind = rq.kind
ORDER BY rq.county_adcode, rq.school_code, rq.kind
