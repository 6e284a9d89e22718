"""Every reject reason the ETL gives has a Chinese translation (texts/reasons.py).

The reasons are real: bad files of every dataset are loaded through the runner (as the CLI and the data page
load them) on a fresh database, and every distinct reason of their reject reports is collected. A new English
reason without a pattern fails here. The bad files are the field fixtures (tests/fixtures/field/README.md)
and tiny files written below, each with the problem it holds.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.errors import RefusedFile, UnreadableFile
from etl import guard
from etl.datasets import DATASETS
from etl.options import LoadOptions, read_header_map
from etl.readers.vector import read_vector
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES
from texts import reasons
from texts.reasons import ARCHIVE_DETAILS, GEOMETRY_DETAILS, RULES, TYPE_DETAILS

FIELD = FIXTURES / "field"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
TRACK_HEADER = "vehicle,time,lon,lat,speed,heading\n"
GOOD_POINT = "2024-03-05 07:31:02,98.8571,25.8512,30,90"
TWO_SQUARES = [[[98.0, 25.0], [98.1, 25.1], [98.1, 25.0], [98.0, 25.1], [98.0, 25.0]]]  # a bow tie

# Templates the bad files below do not reach (by a unique part of their pattern), and why:
NOT_REACHED = {
    "invalid row",  # a point the fast track path refuses but the row path finds nothing wrong with: none known
    r"bytes that are not (?P<encoding>\S+) \(",  # etl/tracks/check.py: csv_blocks checks every cell's bytes first
    "a coordinate is not a number",  # NaN coordinates: JSON cannot hold them; no bad shapefile here has them
}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def feature(props: dict, geometry: dict | None) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def geojson(path: Path, features: list[dict]) -> Path:
    return write(path, json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))


def zipped(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


class Collector:
    """Loads files through the runner and keeps every distinct reason with where it came from."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine, self.found = engine, {}

    def load(self, dataset: str, path: Path, dry_run: bool = False, **options: object) -> None:
        result = load_file(self.engine, DATASETS[dataset], path, dry_run=dry_run, options=LoadOptions(**options))
        for r in result.report.rejects:
            self.found.setdefault(r.reason, f"{dataset}: {path.name} row {r.row}")

    def add(self, text: str, where: str) -> None:
        self.found.setdefault(text, where)


def bad_files(tmp: Path, c: Collector) -> None:  # noqa: PLR0915 — one list of bad inputs, in load order
    # before the counties: nothing can be placed
    c.load("schools", FIXTURES / "schools_mixed_gb18030.csv")
    c.load("tracks", write(tmp / "early.csv", TRACK_HEADER + "V1," + GOOD_POINT + "\n"))
    # counties: no adcode, a repeated one, no name, no geometry, a point, a bow tie (none of them is loaded)
    c.load("counties", COUNTIES)
    square = {"type": "Polygon", "coordinates": [[[90, 10], [90.1, 10], [90.1, 10.1], [90, 10.1], [90, 10]]]}
    c.load("counties", geojson(tmp / "counties_bad.geojson", [
        feature({"name_zh": "无代码县"}, square), feature({"adcode": "999901"}, square),
        feature({"adcode": "999901", "name_zh": "重复县"}, {"type": "Point", "coordinates": [90, 10]}),
        feature({"adcode": "999902", "name_zh": "空县"}, None),
        feature({"adcode": "999903", "name_zh": "蝴蝶县"}, {"type": "Polygon", "coordinates": TWO_SQUARES})]))
    c.load("counties", geojson(tmp / "counties_twice.geojson", [
        feature({"adcode": "999904", "name_zh": "甲县"}, square),
        feature({"adcode": "999904", "name_zh": "乙县"}, square)]),
        dry_run=True)
    c.load("counties", write(tmp / "not_a_collection.geojson", '{"type": "Feature"}'))
    c.load("counties", write(tmp / "broken.geojson", '{"type": "FeatureCollection", '))
    # the field fixtures, each with its bad rows (tests/fixtures/field/README.md)
    c.load("schools", FIXTURES / "schools_mixed_gb18030.csv")
    c.load("schools", write(tmp / "schools_bad.csv",
                            "学校标识码,学校名称,学校类型,在校生数,经度,纬度,大门经度,大门纬度,专职保安员\n"
                            "2153019001,甲校,小学,-5,98.8571,25.8512,,,是\n"
                            "2153019002,乙校,小学,10,98.8571,25.8512,98.8574,,是\n"
                            "2153019003,丙校,小学,10,200,25.8512,,,也许\n"))
    c.load("units", FIELD / "units.csv")
    c.load("units", write(tmp / "units_twin.csv", "单位代码,单位名称,单位类型,地址,经度,纬度\n"
                                                  "5333PS901,双名派出所,派出所,六库,98.8590,25.8520\n"
                                                  "5333PS902,双名派出所,派出所,六库,98.8591,25.8521\n"
                                                  "5333PS903,,派出所,无名,abc,25.0\n"))
    c.load("officers", FIELD / "officers_gbk.csv")
    c.load("officers", write(tmp / "officers_twin.csv", "警号,姓名,所属单位\n053901,张三,双名派出所\n"))
    c.load("townships", write(tmp / "townships.csv", "乡镇,经度,纬度\n六库镇,98.8571,25.8512\n六库镇,98.8572,25.8513\n"
                                                     "远镇,102.7123,25.0406\n"))
    c.load("assignments", FIELD / "assignments.csv")
    c.load("vehicle_unavailable", write(tmp / "unavailable.csv", "车牌号,开始日期,结束日期,原因\n"
                                                                 "云Q00000,2026-03-01,2026-03-05,维修\n"))
    c.load("hazards", FIELD / "hazards.xlsx")
    c.load("hazards", write(tmp / "hazards_dates.csv",
                            "编号,类别,隐患类型,发现日期,状态,整改期限,整改日期,经度,纬度\n"
                            "H901,校内,路口,2026-03-01,未整改,,2026-03-05,98.8571,25.8512\n"
                            "H902,校内,路口,2026-03-01,限期整改,2026-02-01,,98.8571,25.8512\n"
                            "H903,校内,路口,abc,限期整改,2026-04-01,,98.8571,25.8512\n"))
    c.load("signs", FIELD / "signs_gb18030.csv")
    c.load("activities", FIELD / "activities.csv")
    c.load("calendar", FIELD / "terms.csv")
    c.load("calendar", FIELD / "holidays.csv")
    c.load("calendar", write(tmp / "calendar.csv", "a,b\n1,2\n"))
    c.load("roads", FIELD / "roads_utf8.shp")
    c.load("roads", FIELD / "roads.geojson")
    c.load("roads", geojson(tmp / "roads_far.geojson", [
        feature({"道路编号": "R901"}, {"type": "LineString", "coordinates": [[200, 25], [201, 25.1]]})]))
    c.load("roads", write(tmp / "roads.csv", "道路编号\nR1\n"))
    for suffix in (".shx", ".dbf", ".cpg"):
        shutil.copy(FIELD / f"roads_utf8{suffix}", tmp / f"roads_local{suffix}")
    shutil.copy(FIELD / "roads_utf8.shp", tmp / "roads_local.shp")
    write(tmp / "roads_local.prj", 'LOCAL_CS["site grid",UNIT["metre",1]]')
    c.load("roads", tmp / "roads_local.shp")
    shutil.copy(FIELD / "roads_utf8.shp", tmp / "roads_alone.shp")
    c.load("roads", tmp / "roads_alone.shp")
    c.load("road-works", FIELD / "road_works.geojson")
    # whole files that cannot be read
    c.load("units", tmp / "missing.csv")
    c.load("units", write(tmp / "units.dat", "a,b\n"))
    c.load("units", write(tmp / "empty.csv", ""))
    c.load("units", write(tmp / "columns.csv", "a,b\n1,2\n"))
    c.load("units", write(tmp / "huge_cell.csv", "单位代码,单位名称\n" + '"' + "x" * 140_000 + '",b\n'))
    c.load("units", tmp.joinpath("latin.csv").write_bytes(b"a,b\n\x80\x80\xff,1\n") and tmp / "latin.csv")
    c.load("units", tmp.joinpath("fake.pdf.csv").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") and tmp / "fake.pdf.csv")
    c.load("units", zipped(tmp / "broken.xlsx", {"[Content_Types].xml": b"<Types/>"}))
    c.load("units", zipped(tmp / "bomb.xlsx", {"[Content_Types].xml": b"<Types/>", "x.xml": b"0" * (3 << 20)}))
    c.load("units", zipped(tmp / "escape.xlsx", {"[Content_Types].xml": b"<Types/>", "../x.xml": b"x"}))
    c.load("units", write(tmp / "broken.zip", "PK\x03\x04" + "junk" * 100))
    locked = zipfile.ZipInfo("[Content_Types].xml")
    locked.external_attr = 0o120777 << 16  # a symbolic link
    with zipfile.ZipFile(tmp / "locked.xlsx", "w") as archive:
        archive.writestr(locked, b"<Types/>")
    c.load("units", tmp / "locked.xlsx")
    c.load("units", zipped(tmp / "many.xlsx", {"[Content_Types].xml": b"<Types/>",
                                                **{f"m{i}.xml": b"" for i in range(1001)}}))
    crc = tmp / "crc.xlsx"
    zipped(crc, {"[Content_Types].xml": b"<Types/>" * 50}, zipfile.ZIP_STORED)
    crc.write_bytes(crc.read_bytes().replace(b"<Types/><Types/>", b"<Types/><Typez/>", 1))
    c.load("units", crc)
    # the scope of a data clerk
    c.load("signs", FIELD / "signs_gb18030.csv", counties=("533301",))
    elsewhere = "单位代码,单位名称,单位类型,经度,纬度\nPS9004,上帕东派出所,派出所,98.868,26.903\n"
    c.load("units", write(tmp / "units_elsewhere.csv", elsewhere), counties=("533301",))
    # tracks: every wrong value of a point, repeated points, unreadable track files
    long_vehicle = "V" * 100
    lines = [f",{GOOD_POINT}", f"{long_vehicle},{GOOD_POINT}", "V1,,98.8571,25.8512,,", "V1,abc,98.8571,25.8512,,",
             "V1,ab:cd,98.8571,25.8512,,", "V1,2024-13-05 07:31,98.8571,25.8512,,",
             "V1,2024-02-30 07:31,98.8571,25.8512,,", "V1,0000-01-01 08:00,98.8571,25.8512,,",
             "V1,1970-01-01 08:00:00,98.8571,25.8512,,", "V1,2099-01-01 08:00:00,98.8571,25.8512,,",
             "V1,2024-03-05 07:32:02,abc,25.8512,,", "V1,2024-03-05 07:33:02,nan,25.8512,,",
             "V1,2024-03-05 07:34:02,98.8571,25.8512,5000,", "V1,2024-03-05 07:35:02,98.8571,25.8512,,400",
             "V1,2024-03-05 07:36:02,25.8512,98.8571,,", "V1,2024-03-05 07:37:02,102.7123,25.0406,,",
             "V1,2024-03-05 07:38:02,200,25.0406,,", f"V2,{GOOD_POINT}", f"V2,{GOOD_POINT}",
             "V3,2024-03-05 07:31:02," + '"' + "9" * 140_000 + '",25.85,,']
    c.load("tracks", write(tmp / "tracks.csv", TRACK_HEADER + "\n".join(lines) + "\n"))
    c.load("tracks", write(tmp / "tracks_columns.csv", "a,b\n1,2\n"))
    c.load("tracks", write(tmp / "tracks_empty.csv", ""))
    c.load("tracks", tmp.joinpath("tracks_bytes.csv").write_bytes(
        (TRACK_HEADER + f"V1,{GOOD_POINT}\n" * 3000).encode() + b"V\xff\xfe1," + GOOD_POINT.encode() + b"\n")
        and tmp / "tracks_bytes.csv")
    c.load("tracks", write(tmp / "tracks.dat", TRACK_HEADER))
    filler = f"V1,{GOOD_POINT}\n" * 40_000  # past the first MB, where the encoding is decided
    for name, bad in (("vehicle", b"\xff\xfe1," + GOOD_POINT.encode()), ("quoted", b'"V\xff",' + GOOD_POINT.encode())):
        path = tmp / f"tracks_{name}_bytes.csv"
        path.write_bytes(f"{TRACK_HEADER}云Q1,{GOOD_POINT}\n{filler}".encode() + bad + b"\n")
        c.load("tracks", path)
    c.load("tracks", write(tmp / "tracks_header.csv", "vehicle,time,lon,lat," + '"' + "h" * 140_000 + '"\n'))
    c.load("tracks", write(tmp / "zone.csv", TRACK_HEADER + f"V1,{GOOD_POINT}\n"), timezone="Mars/Olympus")
    c.load("tracks", write(tmp / "root.gpx", '<?xml version="1.0"?><kml><trkpt lat="25.85" lon="98.85"/></kml>'))
    c.load("tracks", write(tmp / "nopoints.gpx",
                           '<?xml version="1.0"?><gpx version="1.1"><wpt lat="1" lon="2"/></gpx>'))
    c.load("tracks", write(tmp / "broken.gpx", '<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>'
                                               '<trkpt lat="25.85" lon="98.85"><time>2024-03-05T00:00:00Z</time>'))
    # what the data page's upload does before the runner: a ZIP of a shapefile, unpacked with care
    try:
        guard.unpack_shapefile(zipped(tmp / "two.zip", {"a.shp": b"", "b.shp": b""}), tmp)
    except RefusedFile as exc:
        c.add(str(exc), "upload: two.zip")
    try:
        guard.check_size("big.csv", 10 << 30)
    except RefusedFile as exc:
        c.add(str(exc), "upload: big.csv")


def rule_of(rules: list, text: str) -> str | None:
    """The pattern of the first rule matching text whole."""
    return next((r.pattern.pattern for r in rules if r.pattern.fullmatch(text.strip())), None)


@pytest.fixture
def found(engine: sa.Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    c = Collector(engine)
    bad_files(tmp_path, c)
    monkeypatch.setattr(guard, "limit_bytes", lambda: 1 << 20)  # the limit (200 MB) as if it were 1 MB
    c.load("units", zipped(tmp_path / "large.xlsx", {"[Content_Types].xml": b"<Types/>", "a.xml": b"0" * (1 << 20)}))
    for call, argument in ((read_header_map, tmp_path / "no_map.csv"), (read_vector, tmp_path / "units.dat")):
        try:  # what the CLI's --headers and the vector reader say; no runner load reaches them
            call(argument)
        except UnreadableFile as exc:
            c.add(str(exc), call.__name__)
    return c.found


def test_every_reason_of_every_dataset_has_chinese(found: dict[str, str]) -> None:
    untranslated = {text: where for text, where in found.items() if not CHINESE.search(reasons.translate(text) or "")}
    assert not untranslated, "reasons without a Chinese pattern in texts/reasons.py"
    for text in found:
        assert reasons.reason(text, "en") == text


def test_the_bad_files_reach_almost_every_template(found: dict[str, str]) -> None:
    hit = {rule_of(RULES, t) for t in found}
    details = {rule_of(table, m["detail"]) for t in found for r in RULES if (m := r.pattern.fullmatch(t.strip()))
               and "detail" in r.convert for table in (TYPE_DETAILS, GEOMETRY_DETAILS, ARCHIVE_DETAILS)}
    missed = [r.pattern.pattern for r in RULES if r.pattern.pattern not in hit]
    missed_details = [r.pattern.pattern for t in (TYPE_DETAILS, GEOMETRY_DETAILS, ARCHIVE_DETAILS) for r in t
                      if r.pattern.pattern not in details]
    print(f"\n{len(found)} distinct reasons; templates reached {len(RULES) - len(missed)}/{len(RULES)}, details "
          f"{len(details - {None})}/{len(TYPE_DETAILS) + len(GEOMETRY_DETAILS) + len(ARCHIVE_DETAILS)}")
    print("not reached:", *missed, *missed_details, sep="\n  ")
    allowed = {p for p in missed + missed_details if any(part in p for part in NOT_REACHED)}
    assert set(missed) | set(missed_details) == allowed
    assert len(found) >= 100


def test_values_are_kept_and_said_in_chinese() -> None:
    assert reasons.reason("duplicate key inside the file (first on row 12)", "zh") == (
        "文件内重复：与第 12 行重复（同一编号在文件中只能出现一次）")
    assert reasons.reason("required value missing: school_code", "zh") == "缺少必填值：school_code（此项不能为空）"
    assert reasons.reason("wrong type: expected one of 小学 (小学), 初中 (初中)", "zh") == (
        "格式错误：应为以下之一：小学 (小学), 初中 (初中)")
    assert reasons.reason("value out of range: 5000 is outside 0…1000", "zh") == "数值超出范围：5000 不在 0…1000 之内"
    assert reasons.reason("date logic: finished before it started on 2026-03-10 (expected 完工日期 on or after "
                          "开工日期)", "zh") == "日期矛盾：完工日期早于开工日期 2026-03-10（完工日期应不早于开工日期）"
    assert reasons.reason("units.csv: required column(s) missing: 单位代码 (unit_code); headers found: a, b",
                          "zh") == "units.csv：缺少必需的列：单位代码 (unit_code)；文件中的表头为：a, b"
    assert reasons.reason("a.csv: the content is a PDF document, but a .csv file should be plain text (UTF-8 or "
                          "GB18030)", "zh") == (
        "a.csv：文件内容是PDF 文档，但扩展名为 .csv 的文件应是纯文本（UTF-8 或 GB18030）")
    assert reasons.reason("invalid geometry: Self-intersection[98.05 25.05]", "zh") == (
        "几何图形无效：自相交[98.05 25.05]")


def test_unknown_reasons_stay_english_and_nothing_raises() -> None:
    assert reasons.reason("a reason added tomorrow", "zh") == "a reason added tomorrow"
    assert reasons.translate("a reason added tomorrow") is None
    assert reasons.reason("wrong type: a detail added tomorrow", "zh") == "格式错误：a detail added tomorrow"
    assert reasons.translate("wrong type: a detail added tomorrow") is None, "strict: every part or nothing"
    assert reasons.reason("required value missing: {name}", "zh") == "缺少必填值：{name}（此项不能为空）"
    assert reasons.reason("", "zh") == "" and reasons.reason(None, "zh") == ""
    assert reasons.reason("required value missing: name", "en") == "required value missing: name"
    assert reasons.message("same file as the last load\nsomething else", "zh") == (
        "与上次导入的文件相同，未重复导入\nsomething else")


def test_a_reject_report_is_translated_in_its_reason_column_only() -> None:
    english = "\ufefffile,row,column,value,reason\r\na.csv,4,单位名称,,required value missing: name\r\n".encode()
    chinese = reasons.report_csv(english, "zh").decode("utf-8-sig")
    assert chinese == "file,row,column,value,reason\r\na.csv,4,单位名称,,缺少必填值：name（此项不能为空）\r\n"
    assert reasons.report_csv(english, "en") == english
    assert reasons.report_csv(b"\xff\xfe not a report", "zh") == b"\xff\xfe not a report"
    assert reasons.report_csv(b"a,b\n1,2\n", "zh") == b"a,b\n1,2\n", "not a reject report: as it is"
