-- The plans whose checks a track load of fixes from :a to :b may change: those whose window (± :gap_s) overlaps
-- the fixes, and those still unchecked whose window ended by :b; none before :kept_from (pruned fixes are gone,
-- their checks stay as they were).
SELECT p.plan_id
FROM patrol_plan p
WHERE p.service_date >= CAST(:kept_from AS date)
  AND ((p.window_end + make_interval(secs => :gap_s) >= CAST(:a AS timestamptz)
        AND p.window_start - make_interval(secs => :gap_s) <= CAST(:b AS timestamptz))
       OR (p.window_end <= CAST(:b AS timestamptz)
           AND NOT EXISTS (SELECT 1 FROM patrol_plan_check c WHERE c.plan_id = p.plan_id)))
ORDER BY p.plan_id
