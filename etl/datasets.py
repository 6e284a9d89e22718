"""The datasets `xiaoan load` knows: how each file is read and validated, and its staged columns."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from db.errors import UnreadableFile
from etl import counties, schools, units
from etl.load import Dataset
from etl.options import LoadOptions
from etl.places import CountyLocator
from etl.readers.tabular import read_table
from etl.report import Report


def _placed(module):  # noqa: ANN001, ANN202
    """A validator for a table whose points must fall inside a loaded county."""

    def validate(path: Path, report: Report, conn: sa.Connection, options: LoadOptions) -> list[tuple]:
        locator = CountyLocator.from_db(conn)
        if not locator.adcodes:
            raise UnreadableFile(f"{path.name}: no counties are loaded yet; run `xiaoan load counties` first")
        return module.validate(read_table(path), report, locator, options)

    return validate


DATASETS: dict[str, Dataset] = {
    "counties": Dataset("counties", "county", counties.validate, counties.STAGED),
    "schools": Dataset("schools", "school", _placed(schools), schools.STAGED),
    "units": Dataset("units", "unit", _placed(units), units.STAGED),
}
