-- Forget the checks of the plans :plans (before they are computed again).
DELETE FROM patrol_plan_check WHERE plan_id = ANY (CAST(:plans AS int[]))
