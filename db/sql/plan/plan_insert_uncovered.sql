-- Store one school of a plan's scope that no vehicle stops at, with why.
INSERT INTO patrol_plan_uncovered (plan_id, school_code, county_adcode, reason, priority, priority_parts, detail)
VALUES (:plan_id, :school_code, :county_adcode, :reason, :priority, CAST(:priority_parts AS jsonb), :detail)
