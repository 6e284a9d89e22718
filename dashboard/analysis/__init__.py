"""The numbers pages show (pure): headline figures, statuses, gaps, required signs, number formats."""
