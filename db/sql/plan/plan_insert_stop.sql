-- Store one stop of a plan's route.
INSERT INTO patrol_plan_stop (plan_id, vehicle_id, seq, school_code, county_adcode, arrive, depart, travel_s,
                              priority, priority_parts)
VALUES (:plan_id, :vehicle_id, :seq, :school_code, :county_adcode, :arrive, :depart, :travel_s, :priority,
        CAST(:priority_parts AS jsonb))
