-- Merge staged activities into activity; a row identical to the stored one is left untouched.
INSERT INTO activity AS a (activity_id, kind, held_on, county_adcode, school_code, officers, vehicles,
                           participants, materials, note, etl_run_id)
SELECT activity_id, kind, held_on, county_adcode, school_code, officers, vehicles, participants, materials,
       note, :run_id
FROM stage_activity
ON CONFLICT (activity_id) DO UPDATE
SET kind = EXCLUDED.kind, held_on = EXCLUDED.held_on, county_adcode = EXCLUDED.county_adcode,
    school_code = EXCLUDED.school_code, officers = EXCLUDED.officers, vehicles = EXCLUDED.vehicles,
    participants = EXCLUDED.participants, materials = EXCLUDED.materials, note = EXCLUDED.note,
    etl_run_id = EXCLUDED.etl_run_id
WHERE (a.kind, a.held_on, a.county_adcode, a.school_code, a.officers, a.vehicles, a.participants,
       a.materials, a.note)
   IS DISTINCT FROM
      (EXCLUDED.kind, EXCLUDED.held_on, EXCLUDED.county_adcode, EXCLUDED.school_code, EXCLUDED.officers,
       EXCLUDED.vehicles, EXCLUDED.participants, EXCLUDED.materials, EXCLUDED.note)
RETURNING (xmax = 0) AS inserted
