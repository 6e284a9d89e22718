"""Roads and road works from Shapefiles and GeoJSON: lines checked, placed, converted to WGS-84."""

import datetime as dt

from etl.options import LoadOptions
from tests.etl.field.conftest import FIELD, load, reasons, rows

ROADS_SQL = "SELECT road_id, name, road_class, county_adcode, source_crs, ST_GeometryType(geom) FROM road ORDER BY 1"


def test_shapefile_with_cpg_loads_good_lines_and_reports_bad_ones(register):
    result = load(register, "roads", FIELD / "roads_utf8.shp")
    assert reasons(result) == {(3, "invalid geometry"), (4, "point outside the prefecture"),
                               (5, "latitude and longitude swapped"), (6, "duplicate key inside the file"),
                               (7, "required value missing")}
    assert "self-intersecting" in next(r.reason for r in result.report.rejects if r.row == 3)
    assert rows(register, ROADS_SQL) == [  # field names cut at 10 bytes (道路编号 → 道路编) are recognised
        ("R001", "人民路", "城市道路", "533301", "EPSG:4326", "ST_MultiLineString"),
        ("R002", "茨开镇滨江路", "县道", "533324", "EPSG:4326", "ST_MultiLineString")]


def test_gbk_shapefile_without_cpg_in_a_projected_crs(register):
    result = load(register, "roads", FIELD / "roads_gbk.shp")
    assert result.exit_code == 0 and result.rows_loaded == 2
    assert [r[:5] for r in rows(register, ROADS_SQL)] == [
        ("R101", "六库镇团结路", None, "533301", "EPSG:4542"),
        ("R102", "福贡县城石月亮大道", None, "533323", "EPSG:4542")]
    (lon, lat), = rows(register, "SELECT ST_X(p), ST_Y(p) FROM road, ST_StartPoint(ST_GeometryN(geom, 1)) AS p "
                                 "WHERE road_id = 'R101'")
    assert abs(lon - 98.850) < 1e-6 and abs(lat - 25.860) < 1e-6


def test_geojson_lines_and_every_kind_of_bad_geometry(register):
    result = load(register, "roads", FIELD / "roads.geojson")
    problems = {r.row: r.reason for r in result.report.rejects}
    assert set(problems) == {3, 4, 5, 6, 7} and all(p.startswith("invalid geometry") for p in problems.values())
    assert "expected LineString or MultiLineString, got Point" in problems[3]
    assert "empty line" in problems[4] and "zero-length" in problems[7]
    assert [r[0] for r in rows(register, ROADS_SQL)] == ["R201", "R202"]


def test_a_table_of_roads_is_refused(register, tmp_path):
    path = tmp_path / "roads.csv"
    path.write_text("道路编号\nR1\n", encoding="utf-8")
    result = load(register, "roads", path)
    assert result.status == "failed" and "Shapefile" in result.message


def test_road_works_as_lines(roads):
    result = load(roads, "road-works", FIELD / "road_works.geojson")
    assert reasons(result) == {(3, "required value missing"), (4, "date logic"), (5, "unknown road"),
                               (6, "invalid geometry")}
    assert rows(roads, "SELECT work_id, road_id, description, started_on, finished_on, geom IS NULL FROM road_work "
                       "ORDER BY 1") == [
        ("W001", "R001", "管网改造", dt.date(2026, 3, 10), dt.date(2026, 4, 20), False),
        ("W002", "R001", "路面修补", dt.date(2026, 5, 1), None, True)]  # no line: the road names the place


def test_road_works_as_a_table_naming_the_road(roads, tmp_path):
    path = tmp_path / "works.csv"
    path.write_bytes("施工编号,道路编号,开工日期,完工日期\nW1,R002,2026年3月1日,2026/3/31\nW2,,2026-03-01,\n"
                     .encode("gb18030"))
    result = load(roads, "road-works", path)
    assert reasons(result) == {(3, "required value missing")}
    assert rows(roads, "SELECT work_id, road_id, finished_on FROM road_work") == [("W1", "R002", dt.date(2026, 3, 31))]


def test_crs_option_overrides_a_wgs84_declaration(register):
    result = load(register, "roads", FIELD / "roads.geojson", options=LoadOptions(crs="gcj02"))
    assert result.rows_loaded == 2
    assert {r[4] for r in rows(register, ROADS_SQL)} == {"GCJ-02"}
