"""Datasets of the work on the ground: officers, assignments, hazards, roads, signs, activities, calendar."""

from __future__ import annotations

from etl import activities, assignments, hazards, officers, road_works, roads, school_calendar, signs
from etl.load import Dataset
from etl.references import tabular

DATASETS: dict[str, Dataset] = {
    "officers": Dataset("officers", "officer", tabular(officers.validate), officers.STAGED),
    "assignments": Dataset("assignments", "assignment", tabular(assignments.validate), assignments.STAGED),
    "hazards": Dataset("hazards", "hazard", tabular(hazards.validate), hazards.STAGED),
    "roads": Dataset("roads", "road", roads.validate, roads.STAGED),
    "road-works": Dataset("road-works", "road_work", road_works.validate, road_works.STAGED),
    "signs": Dataset("signs", "sign", tabular(signs.validate), signs.STAGED),
    "activities": Dataset("activities", "activity", tabular(activities.validate), activities.STAGED),
    "calendar": Dataset("calendar", "calendar", tabular(school_calendar.validate), school_calendar.STAGED),
}
