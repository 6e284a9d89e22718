"""The datasets `xiaoan load` knows: how each file is read and validated, and its staged columns."""

from __future__ import annotations

from etl import counties, schools, townships, units, vehicles
from etl import vehicle_unavailable as unavailable
from etl.field_datasets import DATASETS as FIELD_DATASETS
from etl.load import Dataset
from etl.places import placed_table
from etl.references import tabular
from etl.tracks.datasets import DATASETS as TRACK_DATASETS

CORE: dict[str, Dataset] = {
    "counties": Dataset("counties", "county", counties.validate, counties.STAGED),
    "schools": Dataset("schools", "school", placed_table(schools.validate), schools.STAGED),
    "units": Dataset("units", "unit", placed_table(units.validate), units.STAGED),
    "townships": Dataset("townships", "township", placed_table(townships.validate), townships.STAGED),
}
PLAN: dict[str, Dataset] = {  # what patrol plans are made from: the vehicles and the days they are away
    "vehicles": Dataset("vehicles", "vehicle", tabular(vehicles.validate), vehicles.STAGED),
    "vehicle_unavailable": Dataset("vehicle_unavailable", "vehicle_unavailable", tabular(unavailable.validate),
                                   unavailable.STAGED),
}
DATASETS: dict[str, Dataset] = {**CORE, **FIELD_DATASETS, **TRACK_DATASETS, **PLAN}
