"""Patrol GPS tracks: CSV and GPX, streamed into the partitioned track_point table."""

from __future__ import annotations

from etl.load import Dataset

DATASETS: dict[str, Dataset] = {}
