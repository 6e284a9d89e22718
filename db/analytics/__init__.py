"""Analytics computed in PostGIS: derived tables refreshed from the core tables."""
