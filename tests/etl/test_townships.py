"""Township seats for the basemap."""

import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES


def test_townships_load_into_their_counties(engine, tmp_path):
    load_file(engine, DATASETS["counties"], COUNTIES)
    path = tmp_path / "乡镇.csv"
    path.write_text("乡镇,经度,纬度\n六库镇,98.857,25.851\n上帕镇,98.867,26.902\n六库镇,98.86,25.85\n昆明,102.7,25.0\n",
                    encoding="utf-8")
    result = load_file(engine, DATASETS["townships"], path)
    assert [(r.row, r.reason.split(" (")[0]) for r in result.report.rejects] == [
        (4, "duplicate key inside the file"), (5, "point outside the prefecture")]
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT county_adcode, name FROM township ORDER BY 1")).all()
    assert [tuple(r) for r in rows] == [("533301", "六库镇"), ("533323", "上帕镇")]
