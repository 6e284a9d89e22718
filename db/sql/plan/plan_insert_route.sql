-- Store one route of a plan; the line (WKB, or NULL when not drawn) as a 4326 MultiLineString.
INSERT INTO patrol_plan_route (plan_id, vehicle_id, unit_code, county_adcode, route_no, travel_s, geom)
VALUES (:plan_id, :vehicle_id, :unit_code, :county_adcode, :route_no, :travel_s,
        ST_Multi(ST_GeomFromWKB(CAST(:geom AS bytea), 4326)))
