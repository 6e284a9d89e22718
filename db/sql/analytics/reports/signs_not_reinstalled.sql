-- Signs surveyed present before a road work on their road and not surveyed present since the work
-- finished (works finished on or before :as_of), with the schools whose gate is within :along_m.
WITH work AS (
    SELECT w.work_id, w.road_id, w.description, w.started_on, w.finished_on,
           ST_Transform(COALESCE(w.geom, r.geom), 32647) AS m
    FROM road_work w LEFT JOIN road r USING (road_id)
    WHERE w.finished_on IS NOT NULL AND w.finished_on <= :as_of
), affected AS (
    SELECT DISTINCT ON (t.sign_code, w.work_id) t.sign_code, t.kind, t.road_id, w.work_id, w.description,
           w.started_on, w.finished_on, t.surveyed_on AS present_before, t.geom
    FROM work w
    JOIN traffic_sign t ON t.status = 'present' AND t.surveyed_on < w.started_on
     AND (t.road_id = w.road_id OR (t.road_id IS NULL AND ST_DWithin(ST_Transform(t.geom, 32647), w.m, :near_m)))
    ORDER BY t.sign_code, w.work_id, t.surveyed_on DESC
)
SELECT a.sign_code, a.kind, a.road_id, rd.name AS road_name, a.work_id, a.description AS work_description,
       a.started_on AS work_started_on, a.finished_on AS work_finished_on, a.present_before,
       (SELECT max(t2.surveyed_on) FROM traffic_sign t2
        WHERE t2.sign_code = a.sign_code AND t2.surveyed_on >= a.finished_on AND t2.surveyed_on <= :as_of)
           AS surveyed_after,
       ARRAY(SELECT s.school_code FROM school s
             WHERE ST_DWithin(ST_Transform(s.gate_geom, 32647), ST_Transform(a.geom, 32647), :along_m)
               AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[])))
             ORDER BY s.school_code) AS schools,
       round(CAST(ST_X(a.geom) AS numeric), 5) AS lon, round(CAST(ST_Y(a.geom) AS numeric), 5) AS lat
FROM affected a
LEFT JOIN road rd ON rd.road_id = a.road_id
WHERE NOT EXISTS (SELECT 1 FROM traffic_sign t3 WHERE t3.sign_code = a.sign_code AND t3.status = 'present'
                  AND t3.surveyed_on >= a.finished_on AND t3.surveyed_on <= :as_of)
  AND (CAST(:counties AS text[]) IS NULL OR EXISTS (
       SELECT 1 FROM county c WHERE c.adcode = ANY(CAST(:counties AS text[])) AND ST_Intersects(c.geom, a.geom)))
ORDER BY a.road_id, a.sign_code
