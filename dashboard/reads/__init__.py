"""Reads shared by pages: the engine and caches, analytics frames, patrol presence, basemap data, a period's frames."""
