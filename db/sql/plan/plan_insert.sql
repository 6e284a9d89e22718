-- Store a plan's header; its id for the rows that follow.
INSERT INTO patrol_plan (made_by, service_date, window_name, window_start, window_end, county_adcode, dwell_min,
                         params, inputs, schools, covered, prize_total, prize_covered)
VALUES (:made_by, :service_date, :window_name, :window_start, :window_end, :county_adcode, :dwell_min,
        CAST(:params AS jsonb), CAST(:inputs AS jsonb), :schools, :covered, :prize_total, :prize_covered)
RETURNING plan_id
