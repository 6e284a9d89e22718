"""Patrol GPS tracks: CSV and GPX, streamed into the partitioned track_point table."""

from __future__ import annotations

from etl.load import Dataset
from etl.tracks.load import load_tracks
from etl.tracks.points import STAGED

DATASETS: dict[str, Dataset] = {"tracks": Dataset("tracks", "track", None, STAGED, loader=load_tracks)}
