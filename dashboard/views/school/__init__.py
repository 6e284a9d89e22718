"""The school page: view.py (widgets), data functions and own builders."""
