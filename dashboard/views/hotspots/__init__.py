"""The hotspots page: view.py (widgets), data functions and own builders."""
