"""Reading Shapefiles and GeoJSON: encodings (.cpg, GBK without one), field names, geometries, CRS."""

import string
import warnings

import geopandas as gpd
import pyogrio
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from shapely import LineString

from db.errors import UnreadableFile
from etl.readers.vector import dbf_encoding, read_vector
from tests.etl.field.conftest import FIELD

GBK_TEXT = "怒江傈僳族自治州泸水市六库镇团结路福贡贡山兰坪白族普米族·" + string.ascii_letters + string.digits


def write_shapefile(path, names, encoding=None, cpg=True):
    """A one-field shapefile of short lines, the way desktop GIS writes it."""
    frame = gpd.GeoDataFrame({"名称": names}, geometry=[LineString([(98.85, 25.85 + i / 1000), (98.86, 25.86)])
                                                       for i in range(len(names))], crs="EPSG:4326")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pyogrio.write_dataframe(frame, path, encoding=encoding)
    if not cpg:
        path.with_suffix(".cpg").unlink()
    return path


def test_a_shapefile_with_a_cpg_and_names_cut_at_ten_bytes():
    data = read_vector(FIELD / "roads_utf8.shp")
    assert data.encoding == "UTF-8" and data.crs == "EPSG:4326"
    assert data.fields == ["道路编", "道路名", "道路等"]  # 道路编号 is 12 bytes in UTF-8; dBASE keeps 10
    first = data.features[0]
    assert first.number == 1 and first.properties["道路名"] == "人民路" and first.geometry.geom_type == "LineString"
    assert data.features[1].geometry.geom_type == "MultiLineString"


def test_a_gbk_dbf_without_cpg_decodes():
    assert not (FIELD / "roads_gbk.cpg").exists()
    data = read_vector(FIELD / "roads_gbk.shp")
    assert data.encoding == "GB18030" and data.crs == "EPSG:4542"
    assert data.fields == ["道路编号", "道路名称"]
    assert [f.properties["道路名称"] for f in data.features] == ["六库镇团结路", "福贡县城石月亮大道"]


@pytest.mark.parametrize("cpg", ["GBK", "936", "ANSI 936", "GB2312", "UTF-8"])
def test_cpg_spellings_and_a_wrong_cpg(tmp_path, cpg):
    path = write_shapefile(tmp_path / "r.shp", ["六库镇团结路"], encoding="GBK")
    path.with_suffix(".cpg").write_text(cpg)
    assert read_vector(path).features[0].properties["名称"] == "六库镇团结路"  # a .cpg that lies is overruled


def test_geojson_features_keep_their_broken_geometries():
    features = read_vector(FIELD / "roads.geojson").features
    assert [f.properties["road_id"] for f in features] == [f"R20{i}" for i in range(1, 8)]
    assert features[2].geometry.geom_type == "Point" and features[3].geometry.is_empty
    assert features[4].geometry is None and "point array" in features[4].geometry_error
    assert features[5].geometry is None and features[5].geometry_error == "no geometry"


def test_unreadable_files_are_clear(tmp_path):
    with pytest.raises(UnreadableFile, match="no such file"):
        read_vector(tmp_path / "absent.shp")
    (tmp_path / "broken.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="not a readable"):
        read_vector(tmp_path / "broken.geojson")
    path = write_shapefile(tmp_path / "r.shp", ["路"])
    path.with_suffix(".shx").unlink()
    with pytest.raises(UnreadableFile, match=r"\.shx"):
        read_vector(path)
    with pytest.raises(UnreadableFile, match="unsupported format"):
        read_vector(FIELD / "units.csv")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.text(alphabet=GBK_TEXT, min_size=1, max_size=20), min_size=1, max_size=5),
       encoding=st.sampled_from(["GBK", "UTF-8"]), cpg=st.booleans())
@example(names=["路"], encoding="GBK", cpg=False)  # GBK C2 B7 is also valid UTF-8 (·)
def test_any_chinese_text_survives_a_shapefile(tmp_path_factory, names, encoding, cpg):
    path = write_shapefile(tmp_path_factory.mktemp("shp") / "r.shp", names, encoding=encoding, cpg=cpg)
    data = read_vector(path)
    assert [f.properties["名称"] for f in data.features] == names
    assert dbf_encoding(path) in {"GB18030", "UTF-8"}
