"""A track load refreshes the presence of the days its points touch, in the same transaction."""

import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES


def test_loading_tracks_refreshes_presence_of_those_days(engine, tmp_path):
    load_file(engine, DATASETS["counties"], COUNTIES)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom) VALUES "
            "('S1', '六库镇团结小学', '小学', '533301', ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326), "
            "ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326))"))
    path = tmp_path / "gps.csv"
    path.write_text("vehicle,time,lon,lat\n云Q1,2026-09-03 07:50:00,98.8571,25.8511\n"
                    "云Q1,2026-09-03 07:50:20,98.8575,25.8512\n", encoding="utf-8")
    result = load_file(engine, DATASETS["tracks"], path)
    assert result.exit_code == 0 and result.details["presence_rows"] == 3
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT window_name, present FROM presence ORDER BY 1")).all()
    assert [tuple(r) for r in rows] == [("afternoon", False), ("morning", True), ("noon", False)]
