-- Which of the named vehicles are registered (by a vehicles file or first seen in a track file).
SELECT vehicle_id FROM vehicle WHERE vehicle_id = ANY(CAST(:ids AS text[]))
