"""Property tests of the field columns: any cell text is parsed or reported, never raised or lost."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl import activities, assignments, hazards, officers, road_works, roads, school_calendar, signs
from etl.readers.tabular import Table
from etl.report import Report
from etl.validate import parse_rows
from etl.vocab import choice, key

SPECS = [officers.COLUMNS, assignments.COLUMNS, hazards.COLUMNS, roads.COLUMNS, road_works.COLUMNS, signs.COLUMNS,
         activities.COLUMNS, school_calendar.TERMS, school_calendar.DAYS]
CELLS = st.one_of(st.text(max_size=12), st.sampled_from(["2021-05-31", "2021/5/31", "2021年5月31日", "44345",
                                                         "限速30", "已整改", "挂钩民警", "98.85", "-1", "1,320"]))


@pytest.mark.parametrize("columns", SPECS, ids=lambda c: c[0].name)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_every_row_is_either_parsed_or_reported(columns, data):
    header = [c.aliases[0] for c in columns]
    grid = data.draw(st.lists(st.lists(CELLS, min_size=len(header), max_size=len(header)), max_size=6))
    report = Report("f.csv")
    parsed = parse_rows(Table(header, grid), columns, report)
    numbers = {row.number for row in parsed}
    assert not numbers & report.rejected_rows
    assert numbers | report.rejected_rows == {i + 2 for i, cells in enumerate(grid) if any(cells)}


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=8))
def test_a_vocabulary_maps_to_its_codes_or_says_what_it_expects(word):
    parse = choice({"完好": "present", "缺失": "missing"})
    try:
        assert parse(word) in {"present", "missing"} and key(word) in {"完好", "缺失", "present", "missing"}
    except ValueError as exc:
        assert "完好 (present)" in str(exc)


@settings(max_examples=30, deadline=None)
@given(found=st.dates(dt.date(2020, 1, 1), dt.date(2027, 1, 1)), later=st.integers(0, 400),
       status=st.sampled_from(["open", "deadline", "rectified"]))
def test_a_hazard_with_consistent_dates_has_no_date_problem(found, later, status):
    after = found + dt.timedelta(days=later)
    values = {"found_on": found, "status": status, "deadline": after if status == "deadline" else None,
              "rectified_on": after if status == "rectified" else None}
    assert hazards.date_problems(values) == []
    if status != "open":
        values["rectified_on" if status == "rectified" else "deadline"] = found - dt.timedelta(days=1)
        assert hazards.date_problems(values)
