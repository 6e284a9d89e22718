"""The hazard backlog (挂账) on a date beside the period's flow: golden rows of hazard_summary and the list."""

import datetime as dt
import os
from pathlib import Path

import pandas as pd

from db.analytics import backlog, reports
from tests.db.analytics.test_reports import hazard

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("XIAOAN_REGEN_GOLDEN") == "1"  # XIAOAN_REGEN_GOLDEN=1 pytest … rewrites the files
d = dt.date
NOV = (d(2026, 11, 1), d(2026, 11, 30))
OCT = (d(2026, 10, 1), d(2026, 10, 31))


def golden(name: str, df: pd.DataFrame) -> None:
    """Compare a frame with its golden CSV (or write it when regenerating)."""
    path = GOLDEN / f"{name}.csv"
    text = df.to_csv(index=False, lineterminator="\n")
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from {path}"


def load(town):
    with town.begin() as conn:
        hazard(conn, "JAN", "campus", "deadline", d(2026, 1, 12), d(2026, 3, 31))  # the case
        hazard(conn, "BEFORE_FIXED_IN", "campus", "rectified", d(2026, 6, 2), d(2026, 7, 1), d(2026, 11, 10))
        hazard(conn, "BEFORE_FIXED_BEFORE", "campus", "rectified", d(2026, 5, 2), d(2026, 6, 1), d(2026, 5, 20))
        hazard(conn, "IN_FIXED_IN", "campus", "rectified", d(2026, 11, 3), d(2026, 11, 20), d(2026, 11, 18))
        hazard(conn, "IN_OPEN", "campus", "deadline", d(2026, 11, 5), d(2026, 12, 5))
        hazard(conn, "OCT_OVERDUE", "surrounding", "open", d(2026, 10, 8), d(2026, 10, 20))
        hazard(conn, "NO_DEADLINE", "surrounding", "open", d(2026, 9, 1))
        hazard(conn, "LATER", "campus", "open", d(2026, 12, 3))  # after November: in no figure of it
        hazard(conn, "OTHER_COUNTY", "campus", "deadline", d(2026, 2, 1), d(2026, 4, 1), county="533323")


def test_a_january_hazard_still_open_counts_in_novembers_backlog_and_overdue(town):
    load(town)
    with town.connect() as conn:
        nov = reports.hazard_summary(conn, *NOV, counties=["533301"]).set_index("kind")
    campus = nov.loc["campus"]
    assert (campus.found, campus.rectified, campus.on_deadline) == (2, 1, 1)  # the flow: found in November
    assert (campus.backlog, campus.backlog_on_deadline, campus.backlog_overdue) == (2, 1, 1)  # JAN and IN_OPEN
    assert campus.oldest_open == d(2026, 1, 12)
    assert campus.rectified_in_period == 2  # BEFORE_FIXED_IN and IN_FIXED_IN, whenever found
    around = nov.loc["surrounding"]
    assert (around.found, around.backlog, around.backlog_on_deadline, around.backlog_overdue) == (0, 2, 0, 1)


def test_hazard_summary_golden(town):
    load(town)
    with town.connect() as conn:
        golden("hazard_summary_nov", reports.hazard_summary(conn, *NOV))
        golden("hazard_summary_oct", reports.hazard_summary(conn, *OCT))


def test_the_backlog_list_and_its_change_against_the_previous_period(town):
    load(town)
    with town.connect() as conn:
        now = backlog.open_hazards(conn, NOV[1], ["533301"])
        before = backlog.open_hazards(conn, OCT[1], ["533301"])
    assert sorted(now.hazard_id) == ["IN_OPEN", "JAN", "NO_DEADLINE", "OCT_OVERDUE"]
    assert sorted(before.hazard_id) == ["BEFORE_FIXED_IN", "JAN", "NO_DEADLINE", "OCT_OVERDUE"]
    late = now.set_index("hazard_id")
    assert late.loc["JAN", "days_overdue"] == (NOV[1] - d(2026, 3, 31)).days
    assert pd.isna(late.loc["IN_OPEN", "days_overdue"]) and pd.isna(late.loc["NO_DEADLINE", "days_overdue"])
    assert backlog.stock(now) == {"backlog": 4, "backlog_on_deadline": 1, "backlog_overdue": 2,
                                  "oldest_open": d(2026, 1, 12)}
    assert backlog.stock(before)["backlog_overdue"] == 3  # the change: one fewer overdue by November's end


def test_escalation_lists_what_is_overdue_longer_than_the_limit(town):
    load(town)
    with town.connect() as conn:
        now = backlog.open_hazards(conn, NOV[1])
    up = backlog.escalations(now, 30)
    assert list(up.hazard_id) == ["JAN", "OCT_OVERDUE", "OTHER_COUNTY"]  # 244, 41 and 243 days; per county
    assert list(backlog.escalations(now, 45).hazard_id) == ["JAN", "OTHER_COUNTY"]
