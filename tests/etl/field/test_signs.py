"""Traffic signs: Chinese kinds normalised to codes, one observation per sign and day, roads known."""

import datetime as dt

from tests.etl.field.conftest import FIELD, load, reasons, rows

SIGNS = FIELD / "signs_gb18030.csv"


def test_good_rows_load_and_bad_rows_are_reported(roads):
    result = load(roads, "signs", SIGNS)
    assert reasons(result) == {(7, "duplicate key inside the file"), (8, "wrong type"), (9, "unknown road"),
                               (10, "point outside the prefecture"), (11, "latitude and longitude swapped")}
    assert rows(roads, "SELECT sign_code, kind, status, surveyed_on, road_id FROM traffic_sign "
                       "ORDER BY 1, 4") == [
        ("S001", "speed_limit_30", "present", dt.date(2026, 3, 1), "R001"),
        ("S001", "speed_limit_30", "missing", dt.date(2026, 4, 1), "R001"),
        ("S002", "school_zone", "missing", dt.date(2026, 3, 1), "R001"),
        ("S003", "speed_bump", "damaged", dt.date(2026, 3, 1), None),
        ("S004", "no_honking", "present", dt.date(2026, 3, 1), None)]


def test_an_unknown_kind_lists_the_accepted_ones(roads):
    bad = next(r for r in load(roads, "signs", SIGNS).report.rejects if r.row == 8)
    assert bad.value == "限速40" and "限速30 (speed_limit_30)" in bad.reason and "减速带 (speed_bump)" in bad.reason


def test_signs_before_roads_name_an_unknown_road(register):
    result = load(register, "signs", SIGNS)
    assert {row for row, reason in reasons(result) if reason == "unknown road"} == {2, 3, 6, 9}
