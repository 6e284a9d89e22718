"""A load restricted to some counties (a data clerk's): every row must lie in them, or the file is refused."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from db.errors import UnreadableFile
from etl.load import Dataset

COUNTY = "county_adcode"


class OutOfScope(UnreadableFile):
    """The file holds rows of counties the loader may not load, or a dataset only administrators load."""


def check_dataset(dataset: Dataset, counties: Sequence[str] | None) -> None:
    """A restricted load is possible only for datasets whose rows name their county."""
    if counties is not None and COUNTY not in dataset.columns:
        raise OutOfScope(f"{dataset.name} is loaded for the whole prefecture; only an administrator may load it "
                         f"(a data clerk loads rows of their own county: schools, units, townships, hazards, "
                         f"roads, activities)")


def check_rows(dataset: Dataset, rows: Sequence[tuple], counties: Sequence[str] | None) -> None:
    """Every accepted row lies in the allowed counties; otherwise say how many rows lie where."""
    if counties is None or not rows:
        return
    at = dataset.columns.index(COUNTY)
    outside = Counter(str(row[at]) for row in rows if row[at] not in counties)
    if outside:
        found = ", ".join(f"{code}: {n} row(s)" for code, n in sorted(outside.items()))
        raise OutOfScope(f"{sum(outside.values())} row(s) lie outside the counties you may load "
                         f"({', '.join(counties)}): {found}; nothing of the file was loaded")
