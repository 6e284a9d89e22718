"""Every promise of the runner, for every field dataset: dry runs, idempotence, upserts, one transaction."""

import pytest
import sqlalchemy as sa

from etl import runner
from etl.field_datasets import DATASETS
from tests.etl.field.conftest import FIELD, load, rows

LUSHUI = '[[98.855, 25.85], [98.858, 25.852]]'
CASES = {  # dataset: (table, fixture file, a corrected file's name and text that changes one stored row)
    "officers": ("officer", "officers_gbk.csv", "o.csv", "警号,姓名,所属单位,职务,联系电话\n"
                 "053002,李四,5333PS001,教导员,0886-3622110\n"),
    "assignments": ("liaison_assignment", "assignments.csv", "a.csv", "学校标识码,警号,角色,开始日期,结束日期\n"
                    "2153010001,053002,护学岗,2021-09-01,2022-07-15\n"),
    "hazards": ("hazard", "hazards.xlsx", "h.csv", "编号,类别,隐患类型,发现日期,状态,经度,纬度,描述\n"
                "H001,校园内部隐患,消防通道堵塞,2026-03-02,未整改,98.8575,25.8515,已清理一半\n"),
    "roads": ("road", "roads_utf8.shp", "r.geojson", '{"type": "FeatureCollection", "features": [{"type": '
              '"Feature", "properties": {"道路编号": "R001", "道路名称": "人民路", "道路等级": "城市道路"}, '
              f'"geometry": {{"type": "LineString", "coordinates": {LUSHUI}}}}}]}}'),
    "road-works": ("road_work", "road_works.geojson", "w.csv", "施工编号,道路编号,施工内容,开工日期,完工日期\n"
                   "W002,R001,路面修补,2026-05-01,2026-05-31\n"),
    "signs": ("traffic_sign", "signs_gb18030.csv", "s.csv", "标志编号,标志类型,状态,调查日期,道路编号,经度,纬度\n"
              "S003,减速带,完好,2026-03-01,,98.8576,25.8515\n"),
    "activities": ("activity", "activities.csv", "a.csv", "编号,类型,日期,县,出动警力（人次）,出动车辆（辆次）,备注\n"
                   "A001,出动警力,2026-03-02,泸水市,13,3,开学护学\n"),
    "calendar": ("school_term", "terms.csv", "t.csv", "学期名称,开始日期,结束日期\n"
                 "2025-2026学年第二学期,2026-03-02,2026-07-03\n"),
}


@pytest.fixture(params=CASES)
def name(request):
    return request.param


@pytest.fixture
def world(register, name):
    """Counties, schools, units, and roads and officers unless they are the dataset under test."""
    for other, fixture in (("roads", "roads_utf8.shp"), ("officers", "officers_gbk.csv")):
        if other != name:
            assert load(register, other, FIELD / fixture).rows_loaded > 0
    return register


def snapshot(engine, table):
    return rows(engine, f"SELECT * FROM {table} ORDER BY 1, 2")


def test_every_field_dataset_is_covered():
    assert set(CASES) == set(DATASETS)


def test_dry_run_then_load_then_the_same_file_again(world, name):
    table, fixture, _, _ = CASES[name]
    before = snapshot(world, table)
    dry = load(world, name, FIELD / fixture, dry_run=True)
    assert dry.status == "dry_run" and dry.rows_read > 0 and snapshot(world, table) == before
    first = load(world, name, FIELD / fixture)
    assert first.inserted > 0 and first.updated == 0 and first.inserted == first.rows_loaded
    loaded = snapshot(world, table)
    again = load(world, name, FIELD / fixture)
    assert again.status == "unchanged" and again.exit_code == 0 and snapshot(world, table) == loaded
    with world.begin() as conn:  # defeat the same-file shortcut: the upsert itself must change nothing
        conn.execute(sa.text("UPDATE etl_run SET sha256 = 'other' WHERE dataset = :d"), {"d": name})
    third = load(world, name, FIELD / fixture)
    assert (third.inserted, third.updated) == (0, 0) and snapshot(world, table) == loaded


def test_a_corrected_file_upserts_one_row(world, name, tmp_path):
    table, fixture, corrected, text = CASES[name]
    load(world, name, FIELD / fixture)
    count = len(snapshot(world, table))
    path = tmp_path / corrected
    path.write_text(text, encoding="utf-8")
    result = load(world, name, path)
    assert (result.inserted, result.updated, result.exit_code) == (0, 1, 0)
    assert len(snapshot(world, table)) == count


def test_a_crash_mid_load_leaves_the_database_as_it_was(world, name, monkeypatch):
    table, fixture, _, _ = CASES[name]
    before = snapshot(world, table)
    monkeypatch.setattr(runner, "finish_run", lambda *a: (_ for _ in ()).throw(RuntimeError("killed")))
    with pytest.raises(RuntimeError):
        load(world, name, FIELD / fixture)
    assert snapshot(world, table) == before
    assert rows(world, f"SELECT count(*) FROM etl_run WHERE dataset = '{name}'") == [(0,)]
    stage = f"stage_{DATASETS[name].stem}"
    assert rows(world, f"SELECT to_regclass('{stage}')") == [(None,)]
