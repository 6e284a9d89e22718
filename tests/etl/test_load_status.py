"""A load's status says what it did: `unchanged` when no row was inserted, updated or deleted, whatever came before."""

import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.demo.places import townships
from etl.demo.register import write_townships
from etl.runner import load_file
from tests.conftest import COUNTIES


def statuses(engine):
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT file_name, status, rows_loaded FROM etl_run "
                                    "WHERE dataset = 'townships' ORDER BY id")).all()


def test_a_then_b_then_a_again_is_unchanged(engine, tmp_path):
    load_file(engine, DATASETS["counties"], COUNTIES)
    towns = townships()
    a = write_townships(tmp_path / "a.csv", towns)
    b = write_townships(tmp_path / "b.csv", towns)
    b.write_text(b.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # other bytes, the same rows
    c = write_townships(tmp_path / "c.csv", towns[:-1])
    results = [load_file(engine, DATASETS["townships"], p) for p in (a, b, a, c, a)]
    assert [r.status for r in results] == ["loaded", "unchanged", "unchanged", "unchanged", "unchanged"]
    assert results[0].inserted == len(towns) and all(r.exit_code == 0 for r in results)
    assert "no row inserted, updated or deleted" in results[2].message
    assert "same file as the last load" not in results[2].message  # b came in between: decided by the rows
    assert [s for _, s, _ in statuses(engine)] == [r.status for r in results]


def test_a_changed_row_is_loaded_again(engine, tmp_path):
    load_file(engine, DATASETS["counties"], COUNTIES)
    towns = townships()
    a = write_townships(tmp_path / "a.csv", towns)
    moved = tmp_path / "moved.csv"
    first, *rest = a.read_text(encoding="utf-8").splitlines()[1:]
    name, lon, lat = first.split(",")
    moved.write_text("\n".join(["乡镇,经度,纬度", f"{name},{float(lon) + 0.001:.6f},{lat}", *rest]) + "\n",
                     encoding="utf-8")
    assert load_file(engine, DATASETS["townships"], a).status == "loaded"
    changed = load_file(engine, DATASETS["townships"], moved)
    assert (changed.status, changed.inserted, changed.updated) == ("loaded", 0, 1)
