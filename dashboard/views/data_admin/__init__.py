"""The data admin page: view.py (widgets), data functions and own builders."""
