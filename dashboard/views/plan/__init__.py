"""The patrol plan page (巡逻方案): view.py (widgets) and data.py (make, list and read plans)."""
