-- The planned stops in force from :date_from to :date_to in :counties (NULL = all), with their check. In force: of
-- the plans of one date and window that cover a county (that county's own, or a whole-prefecture one), the one
-- made last — a plan made again replaces the earlier one, so no stop counts twice. checked is false while the GPS
-- has not passed the window (pending).
WITH in_force AS (
    SELECT DISTINCT ON (p.service_date, p.window_name, c.adcode) p.plan_id, c.adcode
    FROM patrol_plan p
    JOIN county c ON p.county_adcode IS NULL OR p.county_adcode = c.adcode
    WHERE p.service_date BETWEEN CAST(:date_from AS date) AND CAST(:date_to AS date)
      AND (CAST(:counties AS text[]) IS NULL OR c.adcode = ANY (CAST(:counties AS text[])))
    ORDER BY p.service_date, p.window_name, c.adcode, p.made_at DESC, p.plan_id DESC
)
SELECT p.plan_id, p.service_date, p.window_name, s.vehicle_id, r.unit_code, u.name AS unit_name,
       s.county_adcode, co.name_zh AS county_zh, co.name_en AS county_en, s.school_code, sc.name AS school_name, s.arrive,
       c.kept, c.late, c.inside_min, c.first_seen, c.kept_by, c.plan_id IS NOT NULL AS checked,
       ST_X(sc.gate_geom) AS lon, ST_Y(sc.gate_geom) AS lat
FROM in_force f
JOIN patrol_plan p ON p.plan_id = f.plan_id
JOIN patrol_plan_stop s ON s.plan_id = f.plan_id AND s.county_adcode = f.adcode
JOIN patrol_plan_route r ON r.plan_id = s.plan_id AND r.vehicle_id = s.vehicle_id
LEFT JOIN police_unit u ON u.unit_code = r.unit_code
LEFT JOIN county co ON co.adcode = s.county_adcode
LEFT JOIN school sc ON sc.school_code = s.school_code
LEFT JOIN patrol_plan_check c ON c.plan_id = s.plan_id AND c.vehicle_id = s.vehicle_id AND c.seq = s.seq
ORDER BY p.service_date, p.window_name, s.arrive, s.vehicle_id
