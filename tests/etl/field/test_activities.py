"""Activities: counties by code or name (or the school's), counts default to 0."""

import datetime as dt

from tests.etl.field.conftest import FIELD, load, reasons, rows

ACTIVITIES = FIELD / "activities.csv"


def test_good_rows_load_and_bad_rows_are_reported(register):
    result = load(register, "activities", ACTIVITIES)
    assert reasons(result) == {(6, "unknown county"), (7, "the school 2153240008 lies in county 533324"),
                               (8, "required value missing"), (9, "wrong type"), (10, "wrong type"),
                               (11, "duplicate key inside the file")}
    assert rows(register, "SELECT activity_id, kind, held_on, county_adcode, school_code, officers, vehicles, "
                          "participants, materials, note FROM activity ORDER BY 1") == [
        ("A001", "deployment", dt.date(2026, 3, 2), "533301", None, 12, 3, 0, 0, "开学护学"),
        ("A002", "legal_education", dt.date(2026, 3, 3), "533301", "2153010001", 2, 1, 450, 300, None),
        ("A003", "drill", dt.date(2026, 3, 4), "533324", "2153240008", 3, 1, 210, 0, None),
        ("A004", "flyers", dt.date(2026, 3, 5), "533325", None, 0, 0, 0, 500, None)]


def test_english_headers_and_kinds(register, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("activity_id,kind,date,county,officers,vehicles\nB1,inspection,2026-03-02,Fugong,2,1\n",
                    encoding="utf-8")
    assert load(register, "activities", path).exit_code == 0
    assert rows(register, "SELECT kind, county_adcode, officers FROM activity") == [("inspection", "533323", 2)]
