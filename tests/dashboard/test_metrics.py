"""Headline figures, worst statuses and gaps from analytics frames (pure), checked against the SQL summary."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from dashboard.analysis import gaps, metrics, statuses
from db.analytics import reports
from tests.dashboard import fixture_data as fx

D = dt.date


def test_hazard_states_agree_with_the_sql_summary(field_db: str, engine: sa.Engine) -> None:
    with engine.connect() as conn:
        for first, last in ((fx.P_FROM, fx.P_TO), (fx.Q_FROM, fx.Q_TO), (fx.Q_FROM, D(2025, 3, 7))):
            listed = reports.hazards(conn, first, last)
            summary = reports.hazard_summary(conn, first, last)
            expected = {k: int(summary[k].sum()) for k in metrics.HAZARD_STATES}
            assert metrics.hazard_counts(listed, last) == expected
    with engine.connect() as conn:
        assert metrics.hazard_counts(reports.hazards(conn, fx.P_FROM, fx.P_TO), fx.P_TO) == fx.HAZARDS_P


def test_hazard_flags_of_late_rectification() -> None:
    frame = pd.DataFrame({"status": ["rectified", "rectified", "open"], "overdue": [True, False, False],
                          "rectified_on": [D(2025, 3, 20), D(2025, 3, 1), None],
                          "deadline": [D(2025, 3, 10), None, None]})
    flags = metrics.hazard_flags(frame, D(2025, 3, 16))
    assert flags.values.tolist() == [[False, True, False, True], [True, False, False, False],
                                     [False, False, True, False]]


def test_rates_of_empty_frames_are_unknown() -> None:
    empty = pd.DataFrame({"windows": [], "present": []})
    assert metrics.presence_rate(empty) is None and metrics.share(pd.Series([], dtype=bool)) is None
    assert metrics.rectification_rate({"found": 0, "rectified": 0}) is None
    assert metrics.missing_sign_schools(pd.DataFrame()) == 0


def test_worst_status_order() -> None:
    codes = ["A", "B", "C", "D", "E", "F"]
    coverage = pd.DataFrame({"school_code": codes, "covered": [False, True, True, True, True, True]})
    presence = pd.DataFrame({"school_code": ["A", "C", "F"], "windows": [3, 3, 0], "present": [0, 0, 0],
                             "min_distance_m": [None] * 3})
    four100 = pd.DataFrame({"school_code": codes, "all_four": [False, False, False, False, False, True]})
    hazards = pd.DataFrame({"school_code": ["A", "B", None], "overdue": [True, True, True]})
    signs = pd.DataFrame({"school_code": ["C", "D"], "missing": [True, True]})
    assert statuses.worst_status(coverage, presence, four100, hazards, signs) == {
        "A": "no_liaison", "B": "overdue_hazard", "C": "no_presence", "D": "missing_signs",
        "E": "four100_incomplete", "F": "ok"}


def test_gap_table_and_calendar() -> None:
    schools = pd.DataFrame({"school_code": ["A", "B", "C", "D"], "name": ["甲", "乙", "丙", "丁"],
                            "school_type": ["小学"] * 4, "county_adcode": ["533301"] * 4, "county_zh": [""] * 4,
                            "county_en": [""] * 4, "lon": [98.8] * 4, "lat": [25.8] * 4})
    coverage = pd.DataFrame({"school_code": ["A", "B", "C", "D"], "covered": [True, True, False, True],
                             "gap_reason": [None, "overloaded", "none_ever", None], "officers": [[]] * 4,
                             "expired_on": [None] * 4, "nearest_unit_m": [None] * 4})
    days = pd.DataFrame({"school_code": ["A", "A", "D"], "day": [D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 3)],
                         "windows": [3, 3, 3], "present": [0, 1, 3], "min_distance_m": [400.0, 80.0, 10.0]})
    table = gaps.gap_table(schools, coverage, days)
    assert table[["school_code", "gap"]].values.tolist() == [
        ["C", "no_liaison"], ["B", "weak_liaison"], ["A", "low_presence"], ["D", "ok"]]
    assert table.set_index("school_code").loc["A", ["windows", "present", "min_distance_m"]].tolist() == [6, 1, 80.0]
    assert gaps.reasons(table).tolist() == ["none_ever", "overloaded", "no_presence", ""]
    cells = gaps.calendar(days, schools, ["D", "A"])
    assert cells["label"].tolist() == ["丁 · D", "甲 · A", "甲 · A"] and cells["rate"].tolist() == [1.0, 0.0, 1 / 3]
