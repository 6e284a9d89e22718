-- Forget every patrol path (no GPS fix is left).
DELETE FROM patrol_path
