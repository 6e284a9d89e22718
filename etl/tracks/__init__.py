"""Patrol-vehicle GPS tracks: raw points from the readers, validation, staging and the partitioned load."""
