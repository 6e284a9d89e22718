"""Datasets of the work on the ground: officers, assignments, hazards, roads, signs, activities, calendar."""

from __future__ import annotations

from etl.load import Dataset

DATASETS: dict[str, Dataset] = {}
