"""What a file refers to: loaded schools, officers, units, roads and counties, looked up once per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from db.errors import UnreadableFile
from db.sql import query
from etl.load import Validator
from etl.options import LoadOptions
from etl.places import CountyLocator
from etl.readers.tabular import Table, read_table
from etl.report import Report
from etl.validate import Row

AMBIGUOUS = "\0ambiguous"
HINTS = {"school": "学校标识码 not among the loaded schools; load the schools first or correct the code",
         "officer": "警号 not among the loaded officers; load the officers first or correct the number",
         "unit": "neither a code nor the name of a loaded police unit; load the units first",
         "road": "道路编号 not among the loaded roads; load the roads first or correct the id",
         "vehicle": "车牌号 not among the registered vehicles; load the vehicles first or correct the plate",
         "county": "expected an adcode such as 533301 or a county name such as 泸水市"}


@dataclass
class Known:
    """Loaded keys by kind (alias → key) and the county of each school and unit."""

    keys: dict[str, dict[str, str]] = field(default_factory=dict)
    county_of: dict[str, str] = field(default_factory=dict)

    def resolve(self, kind: str, value: str) -> str | None:
        """The key a value names: a code, a unit's name, a county's name or its unique leading part."""
        table = self.keys.get(kind, {})
        if kind == "county":
            value = value.lower()
            starts = {key for alias, key in table.items() if len(value) >= 2 and alias.startswith(value)}
            return table.get(value) or (starts.pop() if len(starts) == 1 else None)
        return table.get(value)

    def refer(self, report: Report, row: Row, name: str, label: str, kind: str) -> bool:
        """Replace row.values[name] by the key it names; report an unknown or ambiguous reference."""
        value = row.values.get(name)
        if value is None:
            return True
        key = self.resolve(kind, value)
        if key is None:
            report.add(row.number, label, value, f"unknown {kind} ({HINTS[kind]})")
            return False
        if key == AMBIGUOUS:
            report.add(row.number, label, value, f"ambiguous {kind} (the name matches several; give the code)")
            return False
        row.values[name] = key
        return True


class Context:
    """The database as a file's validation sees it: county polygons and the keys it refers to."""

    def __init__(self, conn: sa.Connection, file: str) -> None:
        self.conn, self.file = conn, file
        self._locator: CountyLocator | None = None

    def counties(self) -> CountyLocator:
        """County polygons; loading rows that must be placed before the counties is a file error."""
        if self._locator is None:
            self._locator = CountyLocator.from_db(self.conn)
        if not self._locator.adcodes:
            raise UnreadableFile(f"{self.file}: no counties are loaded yet; run `xiaoan load counties` first")
        return self._locator

    def known(self, schools: Iterable[str] = (), officers: Iterable[str] = (), units: Iterable[str] = (),
              roads: Iterable[str] = (), vehicles: Iterable[str] = ()) -> Known:
        """The referenced keys that exist, found with one query for the whole file."""
        params = {"schools": sorted(set(schools)), "officers": sorted(set(officers)),
                  "units": sorted(set(units)), "roads": sorted(set(roads)), "vehicles": sorted(set(vehicles))}
        known = Known()
        for kind, key, alias, county in self.conn.execute(query("known_keys"), params):
            aliases = known.keys.setdefault(kind, {})
            aliases[alias] = key if aliases.get(alias, key) == key else AMBIGUOUS
            if county and kind in {"school", "unit"}:
                known.county_of[key] = county
        return known


def present(rows: list[Row], name: str) -> set[str]:
    """The values a column holds in the given rows."""
    return {row.values[name] for row in rows if row.values.get(name) is not None}


Check = Callable[[Table, Report, Context, LoadOptions], list[tuple]]


def tabular(check: Check) -> Validator:
    """A dataset validator for a table (.xlsx, .csv) checked against the database."""

    def validate(path: Path, report: Report, conn: sa.Connection, options: LoadOptions) -> list[tuple]:
        return check(read_table(path), report, Context(conn, path.name), options)

    return validate
