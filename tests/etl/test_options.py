"""Load options: source CRS conversion, header mapping files, one load per dataset at a time."""

import threading
import time

import prcoords
import pytest
import sqlalchemy as sa

from db.settings import get_settings
from etl.crs import UnknownCrs, canonical, to_wgs84
from etl.datasets import DATASETS
from etl.demo import SCHOOL_HEADER, write_xlsx
from etl.options import LoadOptions, read_header_map
from etl.runner import load_file
from tests.conftest import COUNTIES

TRUE_GATE = (98.8574, 25.8510)


def school_row(lon, lat, code="2153010001"):
    return [code, "六库镇团结小学", "小学", "六库镇", "", 420, 30, lon, lat, lon, lat, "是", "是", "是", "是"]


@pytest.fixture
def counties(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    return engine


@pytest.mark.parametrize("crs, forward", [("gcj02", prcoords.wgs_gcj), ("bd09", prcoords.wgs_bd)])
def test_chinese_offsets_are_undone_to_the_millimetre(crs, forward):
    shifted = forward(prcoords.Coords(TRUE_GATE[1], TRUE_GATE[0]))
    lon, lat = to_wgs84(crs)(shifted.lon, shifted.lat)
    assert abs(lon - TRUE_GATE[0]) * 100_000 < 0.005 and abs(lat - TRUE_GATE[1]) * 111_000 < 0.005


def test_crs_names_and_a_clear_error():
    assert [canonical(n) for n in ("wgs84", "CGCS2000", "gcj02", "BD09", "EPSG:32647")] == [
        "EPSG:4326", "EPSG:4490", "GCJ-02", "BD-09", "EPSG:32647"]
    with pytest.raises(UnknownCrs, match="expected wgs84, cgcs2000, gcj02, bd09 or EPSG:n"):
        canonical("mars")


def test_a_gcj02_workbook_end_to_end(counties, tmp_path):
    shifted = prcoords.wgs_gcj(prcoords.Coords(TRUE_GATE[1], TRUE_GATE[0]))
    path = write_xlsx(tmp_path / "高德坐标.xlsx", SCHOOL_HEADER, [school_row(shifted.lon, shifted.lat)], 3)
    result = load_file(counties, DATASETS["schools"], path, options=LoadOptions(crs="gcj02"))
    assert result.exit_code == 0
    with counties.connect() as conn:
        row = conn.execute(sa.text(
            "SELECT source_crs, ST_Distance(gate_geom::geography, "
            "ST_SetSRID(ST_MakePoint(:x, :y), 4326)::geography) AS off_m FROM school"),
            {"x": TRUE_GATE[0], "y": TRUE_GATE[1]}).one()
        run_crs = conn.execute(sa.text("SELECT source_crs FROM etl_run WHERE dataset = 'schools'")).scalar()
    assert row.source_crs == "GCJ-02" and run_crs == "GCJ-02"
    assert row.off_m < 0.01


def test_projected_coordinates_in_metres(counties, tmp_path):
    path = write_xlsx(tmp_path / "utm.xlsx", SCHOOL_HEADER, [school_row(485000.0, 2860000.0)], 3)
    result = load_file(counties, DATASETS["schools"], path, options=LoadOptions(crs="EPSG:32647"))
    assert result.exit_code == 0, result.report.rejects


def test_a_header_mapping_file_renames_a_sources_own_headers(counties, tmp_path):
    mapping = tmp_path / "headers.csv"
    mapping.write_text("source,column\n校码,school_code\n校名,name\n", encoding="utf-8")
    header = ["校码", "校名", *SCHOOL_HEADER[2:]]
    path = write_xlsx(tmp_path / "s.xlsx", header, [school_row(*TRUE_GATE)], 3)
    without = load_file(counties, DATASETS["schools"], path, dry_run=True)
    assert without.exit_code == 2 and "学校标识码 (school_code)" in without.message
    options = LoadOptions(headers=read_header_map(mapping))
    assert load_file(counties, DATASETS["schools"], path, options=options).exit_code == 0


def test_a_second_load_of_a_dataset_waits_then_fails_clearly(counties, monkeypatch):
    monkeypatch.setenv("XIAOAN_LOAD_LOCK_TIMEOUT_S", "1")
    get_settings.cache_clear()
    held, done = threading.Event(), threading.Event()

    def hold_lock():
        with counties.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('xiaoan.load.counties'))"))
            held.set()
            done.wait(10)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    held.wait(10)
    started = time.monotonic()
    from db.errors import LoadBusy
    with pytest.raises(LoadBusy, match="another load of counties"):
        load_file(counties, DATASETS["counties"], COUNTIES)
    assert time.monotonic() - started >= 0.9
    done.set()
    holder.join()
    get_settings.cache_clear()
    assert load_file(counties, DATASETS["counties"], COUNTIES).status == "unchanged"
