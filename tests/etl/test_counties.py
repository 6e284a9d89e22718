"""County boundaries from GeoJSON."""

import json

import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES


def test_the_four_real_counties_load_with_their_areas(engine):
    result = load_file(engine, DATASETS["counties"], COUNTIES)
    assert (result.status, result.inserted) == ("loaded", 4)
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT adcode, name_zh, round(ST_Area(ST_Transform(geom, 32647)) / 1e6) FROM county ORDER BY 1"))
        assert [tuple(r) for r in rows] == [("533301", "泸水市", 3095), ("533323", "福贡县", 2748),
                                            ("533324", "贡山独龙族怒族自治县", 4378),
                                            ("533325", "兰坪白族普米族自治县", 4365)]


def test_bad_features_are_reported(engine, tmp_path):
    bowtie = {"type": "Polygon", "coordinates": [[[98, 26], [99, 27], [99, 26], [98, 27], [98, 26]]]}
    square = {"type": "Polygon", "coordinates": [[[98, 26], [99, 26], [99, 27], [98, 27], [98, 26]]]}
    features = [{"type": "Feature", "properties": {"adcode": "533301", "name_zh": "甲"}, "geometry": bowtie},
                {"type": "Feature", "properties": {"adcode": "53", "name_zh": "乙"}, "geometry": square},
                {"type": "Feature", "properties": {"adcode": "533399", "name_zh": ""}, "geometry": square},
                {"type": "Feature", "properties": {"adcode": "533398", "name_zh": "丁"},
                 "geometry": {"type": "Point", "coordinates": [98, 26]}},
                {"type": "Feature", "properties": {"adcode": "533397", "name_zh": "戊"}, "geometry": square}]
    path = tmp_path / "c.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    result = load_file(engine, DATASETS["counties"], path)
    assert [(r.row, r.column) for r in result.report.rejects] == [
        (1, "geometry"), (2, "adcode"), (3, "name_zh"), (4, "geometry")]
    assert "Self-intersection" in result.report.rejects[0].reason
    assert result.exit_code == 1 and result.inserted == 1


def test_not_geojson_loads_nothing(engine, tmp_path):
    path = tmp_path / "c.geojson"
    path.write_text("{not json", encoding="utf-8")
    result = load_file(engine, DATASETS["counties"], path)
    assert result.exit_code == 2 and "not readable GeoJSON" in result.message
