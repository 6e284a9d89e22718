"""Fixtures of the field datasets: counties, schools, units, officers and roads loaded on a fresh PostGIS."""

import pytest
import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES

FIELD = FIXTURES / "field"
SCHOOLS = FIXTURES / "schools_mixed_gb18030.csv"  # 2153010001 泸水, 2153240008 贡山, 2153250009 兰坪


def load(engine, dataset, path, **kwargs):
    """Load a file through the real runner."""
    return load_file(engine, DATASETS[dataset], path, **kwargs)


def reasons(result):
    """(row, reason up to its first explanation) of every problem."""
    return {(r.row, r.reason.split(" (")[0].split(":")[0]) for r in result.report.rejects}


def rows(engine, sql):
    """All rows of a query."""
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).all()


@pytest.fixture
def counties(engine):
    assert load(engine, "counties", COUNTIES).status == "loaded"
    return engine


@pytest.fixture
def register(counties):
    """Counties, the schools of the mixed fixture and two police units."""
    assert load(counties, "schools", SCHOOLS).rows_loaded == 3
    assert load(counties, "units", FIELD / "units.csv").status == "loaded"
    return counties


@pytest.fixture
def officers(register):
    """…and the good officers of officers_gbk.csv."""
    assert load(register, "officers", FIELD / "officers_gbk.csv").rows_loaded == 3
    return register


@pytest.fixture
def roads(register):
    """…and the good roads of roads_utf8.shp (R001 in 泸水, R002 in 贡山)."""
    assert load(register, "roads", FIELD / "roads_utf8.shp").rows_loaded == 2
    return register
